-- Prepares a production PostgreSQL (15 or newer) for CareRelay. Run as a superuser:
--   psql -h <host> -U postgres -v password="'<a long random secret>'" -f create-database.sql
-- CareRelay's role owns its database, so Camunda and Flyway can create their tables in schema
-- public on first start (PostgreSQL 15 no longer lets every role create there).

create role carerelay with login password :password;
create database carerelay owner carerelay encoding 'UTF8' template template0;
\connect carerelay
alter schema public owner to carerelay;
revoke all on database carerelay from public;
