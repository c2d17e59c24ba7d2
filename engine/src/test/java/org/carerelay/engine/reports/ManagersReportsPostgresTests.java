package org.carerelay.engine.reports;

import org.carerelay.engine.PostgresTest;

/** The managers' figures on PostgreSQL, whose SQL and time zones differ from H2's. */
@PostgresTest
class ManagersReportsPostgresTests extends ManagersReports {}
