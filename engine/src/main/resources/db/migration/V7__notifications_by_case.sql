-- A case's timeline lists the notifications sent for it and its hand-offs.
create index notification_by_case on notification (case_id);
