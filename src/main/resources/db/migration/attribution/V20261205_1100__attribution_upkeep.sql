-- Upkeep of the event stream: day partitions of attribution.events older than the retention (two
-- years by default, never less than one) are dropped. Callable by the application, not by tenants' SQL.
create function attribution.drop_event_partitions(before_day date) returns integer
    language plpgsql security definer set search_path = pg_catalog, attribution
as $$
declare
    partition record;
    dropped integer := 0;
begin
    if before_day > current_date - 365 then
        raise exception 'refusing to drop attribution events of the last year (before %)', before_day
            using errcode = 'check_violation';
    end if;
    for partition in
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'attribution.events'::regclass and c.relname ~ '^events_p[0-9]{8}$'
          and to_date(substring(c.relname from 9), 'YYYYMMDD') < before_day
    loop
        execute format('drop table attribution.%I', partition.relname);
        dropped := dropped + 1;
    end loop;
    return dropped;
end
$$;
revoke execute on function attribution.drop_event_partitions(date) from public;
grant execute on function attribution.drop_event_partitions(date) to ${app_role};
