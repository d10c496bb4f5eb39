package io.reach.audit;

import io.reach.platform.CheckSet;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Something that matters for security: a failed login, a reused refresh token, a locked account. */
public record SecurityEvent(
        @Nullable UUID userId,
        String eventType,
        Severity severity,
        Map<String, ?> details,
        @Nullable RequestOrigin origin) {

    @CheckSet(table = "audit.security_events", column = "severity")
    public enum Severity {
        INFO,
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL;

        String code() {
            return name().toLowerCase();
        }
    }
}
