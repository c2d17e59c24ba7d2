-- The managers' reports read model: one row per case with the moments its pathway's targets are
-- measured by, written in the transaction of the process step that reaches each moment, so that a
-- report over thousands of finished cases reads one indexed table instead of Camunda's history.
create table case_outcome (
  case_id      varchar(64)  not null primary key,
  pathway      varchar(64)  not null,
  reference    varchar(64)  not null,
  locality     varchar(64),
  setting      varchar(64),
  opened_at    timestamp with time zone not null,
  target_at    timestamp with time zone,
  achieved_at  timestamp with time zone,
  target_met   boolean,
  held_up_by   varchar(2000)
);
create index case_outcome_by_pathway on case_outcome (pathway, opened_at);

-- A case's hand-offs, for its timeline and the time from referral to triage.
create index handover_attempt_by_case on handover_attempt (case_id, service);
-- Breaches per week, by when they were raised.
create index handover_escalation_by_raised on handover_escalation (raised_at);
