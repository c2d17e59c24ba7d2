/** The hospice admission pathway's delegates. */
package org.carerelay.engine.hospice;
