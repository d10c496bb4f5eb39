package io.reach.campaigns.suppression;

import io.reach.campaigns.Sql;
import io.reach.campaigns.sending.Channel;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Addresses and numbers the tenant must not write to again: unsubscribed, hard-bounced,
 * complained, replied STOP, or added by hand. Checked when recipients are added and again when
 * each message is about to go out.
 */
@Repository
class Suppressions {

    private static final String ADD = """
            insert into campaigns.suppressions (tenant_id, channel, address, reason, source_send, created_at)
            values (:tenant, :channel, :address, :reason, :send, :now) on conflict do nothing""";
    private static final String REMOVE = """
            delete from campaigns.suppressions where tenant_id = :tenant and channel = :channel and address = :address
              and (cast(:reason as text) is null or reason = :reason)""";
    private static final String PAGE = """
            select channel, address, reason, source_send, created_at from campaigns.suppressions
            where tenant_id = :tenant and channel = :channel and address > :after
              and (cast(:search as text) is null or strpos(address, lower(:search)) > 0)
            order by address limit :limit""";

    private final JdbcClient jdbc;

    Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Suppression(
            Channel channel,
            String address,
            String reason,
            @Nullable UUID sourceSend,
            Instant createdAt) {}

    void add(Channel channel, String address, SuppressionReason reason, @Nullable UUID send, Instant now) {
        jdbc.sql(ADD)
                .param("tenant", Sql.tenant())
                .param("channel", channel.code())
                .param("address", address)
                .param("reason", reason.code())
                .param("send", send)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }

    /** Removes the suppression, only one of {@code reason} when given (a START reply lifts a STOP, not a bounce). */
    boolean remove(Channel channel, String address, @Nullable SuppressionReason reason) {
        return jdbc.sql(REMOVE)
                        .param("tenant", Sql.tenant())
                        .param("channel", channel.code())
                        .param("address", address)
                        .param("reason", reason == null ? null : reason.code())
                        .update()
                > 0;
    }

    List<Suppression> page(Channel channel, String after, int limit) {
        return page(channel, after, limit, null);
    }

    /** Suppressions after the address {@code after}, in address order; only addresses containing {@code search} if given. */
    List<Suppression> page(Channel channel, String after, int limit, @Nullable String search) {
        return jdbc.sql(PAGE)
                .param("search", search)
                .param("tenant", Sql.tenant())
                .param("channel", channel.code())
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new Suppression(
                        channel,
                        rs.getString("address"),
                        rs.getString("reason"),
                        Sql.uuid(rs, "source_send"),
                        Sql.requiredInstant(rs, "created_at")))
                .list();
    }
}
