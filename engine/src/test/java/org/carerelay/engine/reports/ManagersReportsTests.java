package org.carerelay.engine.reports;

import org.carerelay.engine.DemoRegionTest;

/** The managers' figures on the embedded H2 database. */
@DemoRegionTest
class ManagersReportsTests extends ManagersReports {}
