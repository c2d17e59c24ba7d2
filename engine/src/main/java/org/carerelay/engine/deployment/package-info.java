/** Deployment of the BPMN, DMN and form models at start-up, changed resources only. */
package org.carerelay.engine.deployment;
