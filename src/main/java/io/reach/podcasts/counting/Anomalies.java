package io.reach.podcasts.counting;

import static io.reach.platform.time.UtcTimes.utc;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import io.reach.platform.web.Codes;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Spikes found while counting: open until the workspace excludes or dismisses them. */
@Repository
public class Anomalies {

    private final JdbcClient jdbc;

    Anomalies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @CheckSet(table = "podcasts.download_anomalies", column = "status")
    public enum Status {
        OPEN("open"),
        EXCLUDED("excluded"),
        DISMISSED("dismissed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    /**
     * A household that requested faster than the rule: its network (the household key itself is
     * never shown), its first hour over the rule and its busiest hour's requests.
     */
    public record Anomaly(
            UUID id,
            @Nullable String network,
            Instant firstHour,
            int peakRequests,
            int threshold,
            Status status,
            Instant detectedAt,
            @Nullable Instant decidedAt) {}

    List<Anomaly> all(@Nullable Status status) {
        return jdbc.sql(
                        SELECT
                                + " where (cast(:status as text) is null or status = :status) order by first_hour desc limit 500")
                .param("status", status == null ? null : status.code())
                .query(Anomalies::anomaly)
                .list();
    }

    Optional<Anomaly> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Anomalies::anomaly)
                .optional();
    }

    /** Records a spike, or widens the one already known for the household (earlier first hour, higher peak). */
    void detected(
            UUID id,
            IpNetworks.HouseholdKey household,
            @Nullable String network,
            Instant firstHour,
            int peak,
            int threshold,
            Instant now) {
        jdbc.sql("""
                insert into podcasts.download_anomalies (tenant_id, id, household_key, ip_prefix, first_hour,
                    peak_requests, threshold, detected_at)
                values (platform.current_tenant_id(), :id, :household, cast(:network as cidr), :first, :peak, :threshold, :now)
                on conflict (tenant_id, household_key) do update set
                    first_hour = least(download_anomalies.first_hour, excluded.first_hour),
                    peak_requests = greatest(download_anomalies.peak_requests, excluded.peak_requests)""")
                .param("id", id)
                .param("household", bytes(household))
                .param("network", network)
                .param("first", utc(firstHour))
                .param("peak", peak)
                .param("threshold", threshold)
                .param("now", utc(now))
                .update();
    }

    boolean decide(UUID id, Status status, Instant now) {
        return jdbc.sql("update podcasts.download_anomalies set status = :status, decided_at = :now where id = :id")
                        .param("id", id)
                        .param("status", status.code())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** The excluded households and the instant each is filtered from. */
    Map<IpNetworks.HouseholdKey, Long> excluded() {
        Map<IpNetworks.HouseholdKey, Long> excluded = new HashMap<>();
        jdbc.sql("select household_key, first_hour from podcasts.download_anomalies where status = 'excluded'")
                .query(rs -> {
                    IpNetworks.HouseholdKey key = IpNetworks.HouseholdKey.of(rs.getBytes("household_key"));
                    if (key != null) {
                        excluded.put(
                                key,
                                Objects.requireNonNull(rs.getObject("first_hour", OffsetDateTime.class))
                                        .toInstant()
                                        .toEpochMilli());
                    }
                });
        return excluded;
    }

    static byte[] bytes(IpNetworks.HouseholdKey key) {
        return ByteBuffer.allocate(16).putLong(key.high()).putLong(key.low()).array();
    }

    private static final String SELECT = """
            select id, host(ip_prefix) || '/' || masklen(ip_prefix) as network, first_hour, peak_requests, threshold,
                status, detected_at, decided_at
            from podcasts.download_anomalies""";

    private static Anomaly anomaly(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new Anomaly(
                Objects.requireNonNull(rs.getObject("id", UUID.class)),
                rs.getString("network"),
                Objects.requireNonNull(rs.getObject("first_hour", OffsetDateTime.class))
                        .toInstant(),
                rs.getInt("peak_requests"),
                rs.getInt("threshold"),
                Codes.stored(Status.class, Objects.requireNonNull(rs.getString("status"))),
                Objects.requireNonNull(rs.getObject("detected_at", OffsetDateTime.class))
                        .toInstant(),
                decided == null ? null : decided.toInstant());
    }
}
