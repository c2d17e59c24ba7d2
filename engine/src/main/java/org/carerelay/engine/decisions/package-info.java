/** Evaluation of the decision tables that designers own. */
package org.carerelay.engine.decisions;
