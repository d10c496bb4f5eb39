package io.reach.publishing;

import io.reach.platform.tenant.TenantContext;
import io.reach.tenancy.TenantManagement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The current workspace's time zone (its {@code time_zone} setting; UTC when unset), as people read and write times. */
@Component
class WorkspaceZone {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final TenantManagement tenants;

    WorkspaceZone(TenantManagement tenants) {
        this.tenants = tenants;
    }

    ZoneId zone() {
        Object configured = tenants.settingsOf(TenantContext.require()).get("time_zone");
        try {
            return configured instanceof String name ? ZoneId.of(name) : ZoneId.of("UTC");
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /**
     * A wall-clock time in the workspace's zone as an instant: in a spring-forward gap it moves
     * forward by the gap's length, in a fall-back overlap the earlier instant is taken (as the API).
     */
    Instant instantOf(LocalDateTime local) {
        return local.atZone(zone()).toInstant();
    }

    /** An instant as a person in the workspace reads it; empty for none. */
    String shown(@Nullable Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone()));
    }
}
