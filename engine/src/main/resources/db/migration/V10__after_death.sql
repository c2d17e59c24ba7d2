-- After a death: the moments the partnership is measured by (death to every partner told, to the
-- equipment collected, to the bereavement contact), one row per after-death case, written by its
-- steps, for the case's summary and the managers' reports. When the notices went out is read from
-- the notification outbox (event key notice_key); when the equipment was collected and the family
-- contacted, from the case's hand-offs (handover_attempt).
create table after_death (
  case_id                varchar(64)  not null primary key,
  reference              varchar(64)  not null,
  linked_case_id         varchar(64),
  locality               varchar(64),
  died_at                timestamp with time zone not null,
  opened_at              timestamp with time zone not null,
  notice_key             varchar(300),
  teams_told             integer,
  bereavement_due_at     timestamp with time zone,
  closed_at              timestamp with time zone
);
create index after_death_by_death on after_death (died_at);
