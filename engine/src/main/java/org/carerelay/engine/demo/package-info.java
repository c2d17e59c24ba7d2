/**
 * The demo region, only in the demo profile: its staff accounts, its mailbox, and on request weeks
 * of history driven through the real pathways.
 */
@ApplicationModule(allowedDependencies = {"partner"})
package org.carerelay.engine.demo;

import org.springframework.modulith.ApplicationModule;
