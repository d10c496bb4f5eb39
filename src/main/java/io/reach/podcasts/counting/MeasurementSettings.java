package io.reach.podcasts.counting;

import static io.reach.platform.time.UtcTimes.utc;

import io.reach.platform.web.Codes;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's counting settings (defaults until it changes them), read and written in its transaction. */
@Repository
class MeasurementSettings {

    private final JdbcClient jdbc;

    MeasurementSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How the workspace counts: its window, the requests an hour from one household that raise a spike,
     * how many days household keys are kept, and the day before which they have been cleared.
     */
    record Settings(
            CountingWindow countingWindow,
            int spikeRequestsPerHour,
            int householdDays,
            @Nullable LocalDate householdsClearedBefore) {

        static final Settings DEFAULTS = new Settings(CountingWindow.UTC_DAY, 500, 90, null);
    }

    Settings current() {
        return jdbc.sql("""
                select counting_window, spike_requests_per_hour, household_days, households_cleared_before
                from podcasts.measurement_settings""")
                .query((rs, row) -> new Settings(
                        Codes.stored(
                                CountingWindow.class,
                                java.util.Objects.requireNonNull(rs.getString("counting_window"))),
                        rs.getInt("spike_requests_per_hour"),
                        rs.getInt("household_days"),
                        rs.getObject("households_cleared_before", LocalDate.class)))
                .optional()
                .orElse(Settings.DEFAULTS);
    }

    void save(Settings settings, Instant now) {
        jdbc.sql("""
                insert into podcasts.measurement_settings (tenant_id, counting_window, spike_requests_per_hour,
                    household_days, households_cleared_before, updated_at)
                values (platform.current_tenant_id(), :window, :spike, :days, :cleared, :now)
                on conflict (tenant_id) do update set counting_window = excluded.counting_window,
                    spike_requests_per_hour = excluded.spike_requests_per_hour,
                    household_days = excluded.household_days,
                    households_cleared_before = excluded.households_cleared_before, updated_at = excluded.updated_at""")
                .param("window", settings.countingWindow().code())
                .param("spike", settings.spikeRequestsPerHour())
                .param("days", settings.householdDays())
                .param("cleared", settings.householdsClearedBefore())
                .param("now", utc(now))
                .update();
    }
}
