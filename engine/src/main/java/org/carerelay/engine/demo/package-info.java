/** The demo region's staff accounts, loaded only in the demo profile. */
package org.carerelay.engine.demo;
