/**
 * The partnership's time: one zone (Europe/London by default) in which every date is derived from
 * an instant, the engine's clock as "now", and one reading of dates and times that people and
 * partner systems type, so that forms, APIs, headers and messages agree on what "today" and "in
 * the future" mean whatever the server's own zone.
 */
@ApplicationModule(allowedDependencies = {})
package org.carerelay.engine.time;

import org.springframework.modulith.ApplicationModule;
