package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.instantOrNull;
import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.tenant.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's list memberships. */
@Repository
class ListMembers {

    private static final String COLUMNS = "list_id, contact_id, status, subscribed_at, confirmed_at, unsubscribed_at";
    /** Joins (again): a member who left or never confirmed starts over; a confirmed one stays as is. */
    private static final String JOIN = """
            insert into contacts.list_members (tenant_id, list_id, contact_id, status, subscribed_at, confirmed_at)
            values (:tenant, :list, :contact, :status, :now, case when :status = 'confirmed' then :now end)
            on conflict (tenant_id, list_id, contact_id) do update
                set status = excluded.status, subscribed_at = excluded.subscribed_at,
                    confirmed_at = excluded.confirmed_at, unsubscribed_at = null
                where list_members.status <> 'confirmed'
            returning status""";

    private static final String FIND =
            "select " + COLUMNS + " from contacts.list_members where list_id = :list and contact_id = :contact";
    private static final String CONFIRM = """
            update contacts.list_members set status = 'confirmed', confirmed_at = :now
            where list_id = :list and contact_id = :contact and status = 'unconfirmed'""";
    private static final String LEAVE = """
            update contacts.list_members set status = 'unsubscribed', unsubscribed_at = :now
            where list_id = :list and contact_id = :contact and status <> 'unsubscribed'""";
    private static final String LEAVE_ALL = """
            update contacts.list_members set status = 'unsubscribed', unsubscribed_at = :now
            where contact_id = :contact and status <> 'unsubscribed' returning list_id""";
    private static final String REMOVE =
            "delete from contacts.list_members where list_id = :list and contact_id = :contact";
    private static final String OF_CONTACT =
            "select " + COLUMNS + " from contacts.list_members where contact_id = :contact order by list_id";
    private static final String PAGE = "select " + COLUMNS + " from contacts.list_members"
            + " where list_id = :list and contact_id > :after and (cast(:status as text) is null or status = :status)"
            + " order by contact_id limit :limit";
    /** A merge: the surviving contact keeps its own memberships and takes the others. */
    private static final String MOVE = """
            insert into contacts.list_members (tenant_id, list_id, contact_id, status, subscribed_at, confirmed_at,
                unsubscribed_at)
            select tenant_id, list_id, :to, status, subscribed_at, confirmed_at, unsubscribed_at
            from contacts.list_members where contact_id = :from
            on conflict do nothing""";

    private static final RowMapper<ListMember> ROW = (rs, row) -> new ListMember(
            rs.getObject("list_id", UUID.class),
            rs.getObject("contact_id", UUID.class),
            MemberStatus.ofCode(rs.getString("status")).orElseThrow(),
            rs.getObject("subscribed_at", OffsetDateTime.class).toInstant(),
            instantOrNull(rs.getObject("confirmed_at", OffsetDateTime.class)),
            instantOrNull(rs.getObject("unsubscribed_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    ListMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts the contact on the list in {@code status}; empty when it already was a confirmed member (kept as is). */
    Optional<MemberStatus> join(UUID list, UUID contact, MemberStatus status, Instant now) {
        return jdbc.sql(JOIN)
                .param("tenant", TenantContext.require().value())
                .param("list", list)
                .param("contact", contact)
                .param("status", status.code())
                .param("now", utc(now))
                .query((rs, row) -> MemberStatus.ofCode(rs.getString(1)).orElseThrow())
                .optional();
    }

    Optional<ListMember> find(UUID list, UUID contact) {
        return jdbc.sql(FIND)
                .param("list", list)
                .param("contact", contact)
                .query(ROW)
                .optional();
    }

    /** Confirms an unconfirmed member; false when it was not one. */
    boolean confirm(UUID list, UUID contact, Instant now) {
        return jdbc.sql(CONFIRM)
                        .param("list", list)
                        .param("contact", contact)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** Marks the member as gone (kept, for its history); false when it was not a member or already gone. */
    boolean leave(UUID list, UUID contact, Instant now) {
        return jdbc.sql(LEAVE)
                        .param("list", list)
                        .param("contact", contact)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** Leaves every list; answers the lists left. */
    List<UUID> leaveAll(UUID contact, Instant now) {
        return jdbc.sql(LEAVE_ALL)
                .param("contact", contact)
                .param("now", utc(now))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    boolean remove(UUID list, UUID contact) {
        return jdbc.sql(REMOVE).param("list", list).param("contact", contact).update() == 1;
    }

    List<ListMember> of(UUID contact) {
        return jdbc.sql(OF_CONTACT).param("contact", contact).query(ROW).list();
    }

    List<ListMember> page(UUID list, @org.jspecify.annotations.Nullable MemberStatus status, UUID after, int limit) {
        return jdbc.sql(PAGE)
                .param("list", list)
                .param("status", status == null ? null : status.code())
                .param("after", after)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    void move(UUID from, UUID to) {
        jdbc.sql(MOVE).param("from", from).param("to", to).update();
    }
}
