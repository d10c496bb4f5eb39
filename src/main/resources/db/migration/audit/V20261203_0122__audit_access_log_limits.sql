-- One user cannot grow audit.access_logs without bound. The application folds a refusal repeated
-- within a short window into the first record and caps each user's records per hour (this index
-- serves both look-ups), and a daily job removes records older than the retention period.
-- Otherwise the records stay append-only: the runtime role still may not update or delete, and the
-- trigger lets a delete through only inside audit.purge_access_logs, for rows older than a day.
create index access_logs_by_user on audit.access_logs (tenant_id, user_id, occurred_at desc);

create function audit.reject_access_log_change() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'DELETE' and current_setting('audit.purging_access_logs', true) = 'on'
            and old.occurred_at < now() - interval '1 day' then
        return old;
    end if;
    raise exception 'audit records are append-only: % on %.% is not allowed', tg_op, tg_table_schema, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

drop trigger access_logs_append_only on audit.access_logs;
create trigger access_logs_append_only before update or delete on audit.access_logs
    for each row execute function audit.reject_access_log_change();

-- Deletes the current tenant's access records older than older_than (at least a day old, so the
-- runtime role cannot use it to wipe what it was just refused); returns how many went.
create function audit.purge_access_logs(older_than timestamptz) returns integer
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    purged integer;
begin
    if older_than > now() - interval '1 day' then
        raise exception 'access records are kept at least a day; refusing to purge those before %', older_than
            using errcode = 'invalid_parameter_value';
    end if;
    perform set_config('audit.purging_access_logs', 'on', true);
    delete from audit.access_logs where tenant_id = platform.current_tenant_id() and occurred_at < older_than;
    get diagnostics purged = row_count;
    perform set_config('audit.purging_access_logs', 'off', true);
    return purged;
end
$$;
revoke execute on function audit.purge_access_logs(timestamptz) from public;
grant execute on function audit.purge_access_logs(timestamptz) to ${app_role};
