-- The relay claims a notification for a while before sending it, so that several CareRelay
-- nodes on one database never send the same row at once; a claim that outlives a crashed node
-- expires and the row is sent again, with the same id.
alter table notification add column organisation_id varchar(64);
alter table notification add column claimed_by varchar(64);
alter table notification add column claimed_until timestamp with time zone;
