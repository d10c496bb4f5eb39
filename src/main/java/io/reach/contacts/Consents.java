package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.audit.RequestOrigin;
import io.reach.platform.tenant.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's consent records: added, never changed; moved to the surviving contact of a merge. */
@Repository
class Consents {

    private static final String ADD = """
            insert into contacts.consents (tenant_id, id, contact_id, channel, list_id, purpose, action, method,
                ip_address, user_agent, recorded_by, recorded_at)
            values (:tenant, :id, :contact, :channel, :list, :purpose, :action, :method, cast(:ip as inet), :agent,
                    :by, :at)""";
    private static final String OF_CONTACT = """
            select id, contact_id, channel, list_id, purpose, action, method, host(ip_address) as ip_address,
                   user_agent, recorded_by, recorded_at
            from contacts.consents where contact_id = :contact order by recorded_at, id""";
    private static final String MOVE = "update contacts.consents set contact_id = :to where contact_id = :from";

    private static final RowMapper<Consent> ROW = (rs, row) -> new Consent(
            rs.getObject("id", UUID.class),
            rs.getObject("contact_id", UUID.class),
            ContactChannel.ofCode(rs.getString("channel")).orElseThrow(),
            rs.getObject("list_id", UUID.class),
            rs.getString("purpose"),
            ConsentAction.ofCode(rs.getString("action")).orElseThrow(),
            ConsentMethod.ofCode(rs.getString("method")).orElseThrow(),
            rs.getString("ip_address"),
            rs.getString("user_agent"),
            rs.getObject("recorded_by", UUID.class),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    Consents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is recorded: the contact granted or withdrew consent to a channel (or one list of it), and how. */
    record Entry(
            UUID contactId,
            ContactChannel channel,
            @Nullable UUID listId,
            String purpose,
            ConsentAction action,
            ConsentMethod method,
            RequestOrigin origin,
            @Nullable UUID recordedBy) {}

    void add(UUID id, Entry entry, Instant at) {
        jdbc.sql(ADD)
                .param("tenant", TenantContext.require().value())
                .param("id", id)
                .param("contact", entry.contactId())
                .param("channel", entry.channel().code())
                .param("list", entry.listId())
                .param("purpose", entry.purpose())
                .param("action", entry.action().code())
                .param("method", entry.method().code())
                .param("ip", validIp(entry.origin().ipAddress()))
                .param("agent", entry.origin().userAgent())
                .param("by", entry.recordedBy())
                .param("at", utc(at))
                .update();
    }

    List<Consent> of(UUID contact) {
        return jdbc.sql(OF_CONTACT).param("contact", contact).query(ROW).list();
    }

    void move(UUID from, UUID to) {
        jdbc.sql(MOVE).param("from", from).param("to", to).update();
    }

    /** The address when PostgreSQL can store it as inet, else none (a proxy's odd header must not fail the record). */
    private static @Nullable String validIp(@Nullable String ip) {
        if (ip == null || ip.length() > 45 || !ip.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        return ip;
    }
}
