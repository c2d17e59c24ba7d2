-- Makes CareRelay's audit trail append-only at the database: run as a superuser once CareRelay
-- has started (and created the table audit_event):
--   psql -h <host> -U postgres -d carerelay -f audit-append-only.sql
-- A separate role then owns the table; CareRelay's role may read it and add to it, never change
-- or delete a row. The retention purge (carerelay.audit.retention) is then the owner's job, e.g.
--   delete from audit_event where at < now() - interval '10 years';
-- run from a scheduled job as carerelay_audit; CareRelay's own purge logs that it may not.

create role carerelay_audit nologin;
alter table audit_event owner to carerelay_audit;
grant select, insert on audit_event to carerelay;
grant usage on all sequences in schema public to carerelay;
