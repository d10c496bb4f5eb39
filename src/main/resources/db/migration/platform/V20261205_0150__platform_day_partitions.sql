-- Day partitions of a table partitioned by a timestamptz (UTC days) or a date, made on demand:
-- <table>_pYYYYMMDD, under the same row security as every tenant table. Not callable by the
-- application itself: each module grants a wrapper for its own table.
create function platform.create_day_partitions(parent regclass, first_day date, last_day date) returns integer
    language plpgsql
as $$
declare
    day date;
    schema_name text;
    table_name text;
    name text;
    by_date boolean;
    created integer := 0;
begin
    if last_day - first_day > 800 then
        raise exception 'at most 800 days at a time';
    end if;
    select n.nspname, c.relname into schema_name, table_name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = parent;
    select t.typname = 'date' into by_date
    from pg_partitioned_table p join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
        join pg_type t on t.oid = a.atttypid
    where p.partrelid = parent;
    perform pg_advisory_xact_lock(hashtext('platform.day_partitions:' || parent::text));
    for day in select generate_series(first_day, last_day, interval '1 day')::date loop
        name := table_name || '_p' || to_char(day, 'YYYYMMDD');
        if to_regclass(format('%I.%I', schema_name, name)) is null then
            if by_date then
                execute format('create table %I.%I partition of %s for values from (%L) to (%L)',
                               schema_name, name, parent, day, day + 1);
            else
                execute format('create table %I.%I partition of %s for values from (%L) to (%L)',
                               schema_name, name, parent,
                               (day::timestamp at time zone 'UTC'), ((day + 1)::timestamp at time zone 'UTC'));
            end if;
            execute format('alter table %I.%I enable row level security', schema_name, name);
            execute format('alter table %I.%I force row level security', schema_name, name);
            created := created + 1;
        end if;
    end loop;
    return created;
end
$$;
revoke execute on function platform.create_day_partitions(regclass, date, date) from public;
