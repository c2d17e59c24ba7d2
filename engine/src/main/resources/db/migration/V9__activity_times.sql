-- The heatmap's read model: how long each case spent at each step of a pathway where cases wait
-- (user tasks, called hand-offs, sub-processes, timers, joins), one narrow row per step ended,
-- written with Camunda's own history. Its index covers the heatmap's query, so the time spent at
-- each step over a period is read without touching Camunda's wide activity history.
create table activity_time (
  pathway      varchar(255) not null,
  activity_id  varchar(255) not null,
  ended_at     timestamp with time zone not null,
  millis       bigint not null
);
create index activity_time_by_pathway on activity_time (pathway, ended_at, activity_id, millis);
