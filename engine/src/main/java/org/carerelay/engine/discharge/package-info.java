/** The rapid discharge home to die pathway's delegates and its plan-change API. */
package org.carerelay.engine.discharge;
