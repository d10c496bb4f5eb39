package io.reach.identity;

import io.reach.identity.signin.UserMetrics;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user's own key-value data, e-mail preferences and metrics; every statement names the user. */
@Repository
class UserProfileData implements UserMetrics {

    private static final String DATA =
            "select key, value, updated_at from identity.user_data where user_id = :userId order by key";
    /** The most entries one user keeps: with values of at most {@link #MAX_VALUE_LENGTH} characters, a bounded store. */
    static final int MAX_ENTRIES = 100;

    static final int MAX_VALUE_LENGTH = 10_000;
    private static final String LOCK_USER_DATA = "select pg_advisory_xact_lock(hashtextextended(:key, 0))";
    private static final String PUT_DATA = """
            insert into identity.user_data (id, user_id, key, value, created_at, updated_at)
            select :id, :userId, :key, :value, :now, :now
            where exists (select 1 from identity.user_data where user_id = :userId and key = :key)
               or (select count(*) from identity.user_data where user_id = :userId) < :max
            on conflict (user_id, key) do update set value = excluded.value, updated_at = excluded.updated_at""";
    private static final String DELETE_DATA = "delete from identity.user_data where user_id = :userId and key = :key";
    private static final String PREFERENCES = """
            select marketing_emails, product_updates, security_alerts from identity.user_email_preferences
            where user_id = :userId""";
    private static final String PUT_PREFERENCES = """
            insert into identity.user_email_preferences (user_id, marketing_emails, product_updates, security_alerts, updated_at)
            values (:userId, :marketingEmails, :productUpdates, :securityAlerts, :now)
            on conflict (user_id) do update set marketing_emails = excluded.marketing_emails,
                product_updates = excluded.product_updates, security_alerts = excluded.security_alerts,
                updated_at = excluded.updated_at""";
    private static final String METRICS = """
            select metric_name, metric_value, metric_data::text as metric_data, updated_at from identity.user_metrics
            where user_id = :userId order by metric_name""";
    private static final String ADD_METRIC = """
            insert into identity.user_metrics (user_id, metric_name, metric_value, metric_data, updated_at)
            values (:userId, :name, :delta, :data::jsonb, :now)
            on conflict (user_id, metric_name) do update set metric_value = identity.user_metrics.metric_value + excluded.metric_value,
                metric_data = identity.user_metrics.metric_data || excluded.metric_data, updated_at = excluded.updated_at""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final JsonMapper json;

    UserProfileData(JdbcClient jdbc, Ids ids, JsonMapper json) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.json = json;
    }

    record Entry(String key, String value, Instant updatedAt) {}

    /** As {@code query(Entry.class)} maps it, typed so the rows are known not to be null. */
    private static final RowMapper<Entry> ENTRY = new SimplePropertyRowMapper<>(Entry.class);

    record EmailPreferences(boolean marketingEmails, boolean productUpdates, boolean securityAlerts) {
        static final EmailPreferences DEFAULTS = new EmailPreferences(false, true, true);
    }

    record Metric(String metricName, double metricValue, JsonNode metricData, Instant updatedAt) {}

    List<Entry> data(UUID userId) {
        return jdbc.sql(DATA).param("userId", userId).query(ENTRY).list();
    }

    /**
     * Stores the entry; false, storing nothing, when it would be the user's entry number
     * {@link #MAX_ENTRIES} + 1. Runs in the caller's transaction, which one user's puts take in turn.
     */
    boolean put(UUID userId, String key, String value, Instant now) {
        jdbc.sql(LOCK_USER_DATA)
                .param("key", "identity.user_data:" + userId)
                .query()
                .singleValue();
        return jdbc.sql(PUT_DATA)
                        .param("id", ids.next())
                        .param("userId", userId)
                        .param("key", key)
                        .param("value", value)
                        .param("now", UtcTimes.utc(now))
                        .param("max", MAX_ENTRIES)
                        .update()
                == 1;
    }

    boolean delete(UUID userId, String key) {
        return jdbc.sql(DELETE_DATA).param("userId", userId).param("key", key).update() == 1;
    }

    EmailPreferences preferences(UUID userId) {
        Optional<EmailPreferences> stored = jdbc.sql(PREFERENCES)
                .param("userId", userId)
                .query(EmailPreferences.class)
                .optional();
        return stored.orElse(EmailPreferences.DEFAULTS);
    }

    void setPreferences(UUID userId, EmailPreferences preferences, Instant now) {
        jdbc.sql(PUT_PREFERENCES)
                .param("userId", userId)
                .param("marketingEmails", preferences.marketingEmails())
                .param("productUpdates", preferences.productUpdates())
                .param("securityAlerts", preferences.securityAlerts())
                .param("now", UtcTimes.utc(now))
                .update();
    }

    List<Metric> metrics(UUID userId) {
        return jdbc.sql(METRICS)
                .param("userId", userId)
                .query((rs, row) -> new Metric(
                        rs.getString("metric_name"),
                        rs.getDouble("metric_value"),
                        json.readTree(rs.getString("metric_data")),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    @Override
    public void addToMetric(UUID userId, String name, double delta, @Nullable String dataJson, Instant now) {
        jdbc.sql(ADD_METRIC)
                .param("userId", userId)
                .param("name", name)
                .param("delta", delta)
                .param("data", dataJson == null ? "{}" : dataJson)
                .param("now", UtcTimes.utc(now))
                .update();
    }
}
