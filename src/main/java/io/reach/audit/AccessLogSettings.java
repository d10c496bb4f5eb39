package io.reach.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reach.audit.access-logs.*}: how much one user can write to {@code audit.access_logs}. The
 * same refusal (same user, resource, action and reason) repeated within {@code repeatWindow} is
 * recorded once; a user's records are capped at {@code perUserPerHour} in any hour; records older
 * than {@code retention} (at least a day) are purged daily.
 */
@ConfigurationProperties("reach.audit.access-logs")
record AccessLogSettings(
        @DefaultValue("5m") Duration repeatWindow,
        @DefaultValue("600") int perUserPerHour,
        @DefaultValue("90d") Duration retention) {

    AccessLogSettings {
        if (repeatWindow.isNegative() || perUserPerHour < 1 || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("reach.audit.access-logs: repeat-window must not be negative,"
                    + " per-user-per-hour must be at least 1 and retention at least 1d");
        }
    }
}
