-- The services the partnership knows, as people name them, and which facts of a case each
-- service's request needs (comma-separated case variable names; see RequestFacts).
create table directory_service (
  id     varchar(64)   not null primary key,
  name   varchar(200)  not null,
  needs  varchar(2000)
);

-- Whether a team is mailed when a hand-off is offered to it.
alter table partner_team add column mail_offers boolean default true not null;

-- Where a notification's "open" link goes: the task it is about, or CareRelay's page of the case.
alter table notification add column link varchar(2000);
