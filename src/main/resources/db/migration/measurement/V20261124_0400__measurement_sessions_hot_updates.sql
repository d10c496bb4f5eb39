-- Sessions are extended by every batch of their events: keep those updates HOT (heap-only, no
-- index writes) by leaving room on each page and not indexing the end, which changes each time.
drop index measurement.sessions_by_key;
create index sessions_by_key on measurement.sessions (tenant_id, session_key);
alter table measurement.sessions set (fillfactor = 70);
