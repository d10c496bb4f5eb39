package io.reach.contacts;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current tenant's contact activities, and the engagement score and last activity they keep. */
@Repository
class Activities {

    static final Duration SCORED = Duration.ofDays(90);

    private static final String ADD = """
            insert into contacts.activities (tenant_id, id, contact_id, kind, channel, source_type, source_id, detail,
                occurred_at)
            values (:tenant, :id, :contact, :kind, :channel, :source_type, :source_id, :detail, :at)""";
    private static final String PAGE = """
            select id, contact_id, kind, channel, source_type, source_id, detail, occurred_at from contacts.activities
            where contact_id = :contact and id < :before order by id desc limit :limit""";
    private static final String MOVE = "update contacts.activities set contact_id = :to where contact_id = :from";
    /** Score: each activity of the last 90 days by its kind's points (see ActivityKind). */
    private static final String RESCORE = """
            update contacts.contacts c set
                engagement_score = coalesce((select sum(case a.kind %s else 0 end) from contacts.activities a
                                             where a.contact_id = c.id and a.occurred_at >= :since), 0),
                last_activity_at = (select max(a.occurred_at) from contacts.activities a where a.contact_id = c.id
                                      and a.kind in ('opened', 'clicked', 'conversion', 'download', 'confirmed'))
            where c.id = :contact""".formatted(Arrays.stream(ActivityKind.values())
            .filter(kind -> kind.points() != 0)
            .map(kind -> "when '" + kind.code() + "' then " + kind.points())
            .collect(Collectors.joining(" ")));

    private static final RowMapper<Activity> ROW = (rs, row) -> new Activity(
            rs.getObject("id", UUID.class),
            rs.getObject("contact_id", UUID.class),
            ActivityKind.ofCode(rs.getString("kind")).orElseThrow(),
            ContactChannel.ofCode(String.valueOf(rs.getString("channel"))).orElse(null),
            ActivitySource.ofCode(String.valueOf(rs.getString("source_type"))).orElse(null),
            rs.getObject("source_id", UUID.class),
            rs.getString("detail"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    Activities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Activity activity) {
        String detail = activity.detail();
        jdbc.sql(ADD)
                .param("tenant", TenantContext.require().value())
                .param("id", activity.id())
                .param("contact", activity.contactId())
                .param("kind", activity.kind().code())
                .param(
                        "channel",
                        activity.channel() == null ? null : activity.channel().code())
                .param(
                        "source_type",
                        activity.sourceType() == null
                                ? null
                                : activity.sourceType().code())
                .param("source_id", activity.sourceId())
                .param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)))
                .param("at", utc(activity.occurredAt()))
                .update();
    }

    /** Newest first, below the id {@code before}. */
    List<Activity> page(UUID contact, UUID before, int limit) {
        return jdbc.sql(PAGE)
                .param("contact", contact)
                .param("before", before)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    void move(UUID from, UUID to) {
        jdbc.sql(MOVE).param("from", from).param("to", to).update();
    }

    /** Recounts the contact's engagement score and last activity from its activities. */
    void rescore(UUID contact, Instant now) {
        jdbc.sql(RESCORE)
                .param("contact", contact)
                .param("since", utc(now.minus(SCORED)))
                .update();
    }
}
