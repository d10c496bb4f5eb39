package io.reach.contacts.imports;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.contacts.ContactList;
import io.reach.contacts.ListManagement;
import io.reach.contacts.MemberStatus;
import io.reach.contacts.OptIn;
import io.reach.platform.tenant.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Upserts one chunk of an import's staged rows in two set-based statements: the rows with an e-mail
 * address by address, then the rows with only a number by number. Within a chunk the last row of an
 * address wins (the earlier ones count as updates); an existing contact keeps what a row leaves
 * empty, gains its attributes and tags and never changes status (an import does not resubscribe). A
 * row whose number is another contact's is refused. Contacts joining the import's list do so as the
 * list says (see {@link ListManagement}); new contacts get database-made UUIDv7 ids (PostgreSQL 18's
 * {@code uuidv7()}), so a million rows never travel back to the application.
 */
@Repository
class ImportUpserts {

    private static final String UPSERT = """
            with chunk as (
                select distinct on (r.fields ->> '%1$s') r.line, r.fields
                from contacts.import_rows r
                where r.import_id = :import and r.line > :after and r.line <= :upto and %2$s
                order by r.fields ->> '%1$s', r.line desc
            ), checked as (
                select c.line, c.fields, c.fields ->> 'email' as email, c.fields ->> 'phone' as phone, %3$s as clash
                from chunk c
            ), refused as (
                insert into contacts.import_errors (tenant_id, import_id, line, field, message)
                select :tenant, :import, line, 'phone', 'belongs to another contact'
                from checked where clash
                on conflict do nothing
                returning 1
            ), upserted as (
                insert into contacts.contacts as t (tenant_id, id, email, phone, first_name, last_name, locale,
                    time_zone, attributes, tags, status, source, created_at, updated_at)
                select :tenant, uuidv7(), email, phone, fields ->> 'first_name', fields ->> 'last_name',
                       fields ->> 'locale', fields ->> 'time_zone', fields -> 'attributes',
                       array(select jsonb_array_elements_text(fields -> 'tags')), 'subscribed', 'import', :now, :now
                from checked where not clash
                on conflict (tenant_id, %1$s) where %1$s is not null do update set
                    email = coalesce(excluded.email, t.email),
                    phone = coalesce(excluded.phone, t.phone),
                    first_name = coalesce(excluded.first_name, t.first_name),
                    last_name = coalesce(excluded.last_name, t.last_name),
                    locale = coalesce(excluded.locale, t.locale),
                    time_zone = coalesce(excluded.time_zone, t.time_zone),
                    attributes = t.attributes || excluded.attributes,
                    tags = (array(select distinct tag from unnest(t.tags || excluded.tags) tag order by tag))[1 : 100],
                    updated_at = excluded.updated_at
                returning t.id, t.status, xmax = 0 as created
            ), joined as (
                insert into contacts.list_members (tenant_id, list_id, contact_id, status, subscribed_at, confirmed_at)
                select :tenant, cast(:list as uuid), id, :member_status, :now,
                       case when :member_status = 'confirmed' then cast(:now as timestamptz) end
                from upserted where cast(:list as uuid) is not null and status = 'subscribed'
                on conflict do nothing
                returning contact_id
            ), consented as (
                insert into contacts.consents (tenant_id, id, contact_id, channel, list_id, purpose, action, method,
                    recorded_by, recorded_at)
                select :tenant, uuidv7(), contact_id, 'email', cast(:list as uuid), :purpose, 'granted', 'import', :by, :now
                from joined where :member_status = 'confirmed'
                returning 1
            )
            select (select count(*) from contacts.import_rows r
                    where r.import_id = :import and r.line > :after and r.line <= :upto and %2$s) as rows,
                   (select count(*) from refused) as refused,
                   (select count(*) from upserted where created) as created,
                   (select count(*) from consented) as consented,
                   array(select contact_id from joined where :member_status = 'unconfirmed') as to_confirm""";

    /** By address: a number that is another contact's, or an earlier row's of the chunk, refuses the row. */
    private static final String BY_EMAIL = UPSERT.formatted("email", "r.fields ->> 'email' is not null", """
            c.fields ->> 'phone' is not null and (
                exists (select 1 from contacts.contacts o where o.phone = c.fields ->> 'phone'
                        and o.email is distinct from c.fields ->> 'email')
                or row_number() over (partition by c.fields ->> 'phone' order by c.line) > 1)""");

    private static final String BY_PHONE =
            UPSERT.formatted("phone", "r.fields ->> 'email' is null and r.fields ->> 'phone' is not null", "false");

    private final JdbcClient jdbc;

    ImportUpserts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a chunk did: its rows, how many were refused, created or updated, and the new unconfirmed members. */
    record Outcome(long rows, long refused, long created, List<UUID> toConfirm) {

        long updated() {
            return rows - refused - created;
        }

        Outcome plus(Outcome other) {
            List<UUID> confirm = new java.util.ArrayList<>(toConfirm);
            confirm.addAll(other.toConfirm);
            return new Outcome(rows + other.rows, refused + other.refused, created + other.created, confirm);
        }
    }

    /** The list the import puts contacts on, and who imports. */
    record Target(@Nullable ContactList list, @Nullable UUID by) {}

    Outcome upsert(UUID importId, long after, long upto, Target target, Instant now) {
        return run(BY_EMAIL, importId, after, upto, target, now)
                .plus(run(BY_PHONE, importId, after, upto, target, now));
    }

    private Outcome run(String sql, UUID importId, long after, long upto, Target target, Instant now) {
        ContactList list = target.list();
        String memberStatus = list == null || list.optIn() == OptIn.SINGLE
                ? MemberStatus.CONFIRMED.code()
                : MemberStatus.UNCONFIRMED.code();
        return jdbc.sql(sql)
                .param("tenant", TenantContext.require().value())
                .param("import", importId)
                .param("after", after)
                .param("upto", upto)
                .param("list", list == null ? null : list.id())
                .param("purpose", list == null ? "" : list.name())
                .param("member_status", memberStatus)
                .param("by", target.by())
                .param("now", utc(now))
                .query((rs, row) ->
                        new Outcome(rs.getLong("rows"), rs.getLong("refused"), rs.getLong("created"), List.of((UUID[])
                                rs.getArray("to_confirm").getArray())))
                .single();
    }
}
