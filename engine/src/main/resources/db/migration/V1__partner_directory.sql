-- The partner directory: loaded from the directory file at start-up (see deploy/demo/partners.yaml).
-- Portable SQL for H2 and PostgreSQL.

create table partner_locality (
  id            varchar(64)  not null primary key,
  name          varchar(200) not null
);

create table partner_organisation (
  id                  varchar(64)   not null primary key,
  name                varchar(200)  not null,
  kind                varchar(64)   not null,
  mailbox             varchar(320),
  escalation_mailbox  varchar(320),
  secure_mail         boolean       not null,
  webhook_url         varchar(2000)
);

-- A team is a Camunda group; its Tasklist filter is kept here so renames keep the same filter.
create table partner_team (
  group_id         varchar(64)  not null primary key,
  organisation_id  varchar(64)  not null references partner_organisation (id),
  name             varchar(200) not null,
  mailbox          varchar(320),
  filter_id        varchar(64)
);

-- Availability is runtime state that managers change; the file never overwrites it.
create table partner_service (
  organisation_id      varchar(64)  not null references partner_organisation (id),
  service              varchar(64)  not null,
  team_id              varchar(64)  not null references partner_team (group_id),
  available            boolean      not null,
  availability_reason  varchar(500),
  available_until      timestamp with time zone,
  primary key (organisation_id, service)
);

create table partner_service_locality (
  organisation_id  varchar(64) not null,
  service          varchar(64) not null,
  locality_id      varchar(64) not null references partner_locality (id),
  primary key (organisation_id, service, locality_id),
  foreign key (organisation_id, service) references partner_service (organisation_id, service) on delete cascade
);

create index partner_service_locality_by_locality on partner_service_locality (locality_id, service);
