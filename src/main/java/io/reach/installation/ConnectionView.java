package io.reach.installation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A connection as platform admins see it: where its settings come from now ({@code environment},
 * {@code database} or {@code none}), each setting with its value unless it is secret (a secret
 * only says it is set), and whether a stored version exists (unused while the environment wins).
 */
public record ConnectionView(
        String kind,
        String label,
        String source,
        List<Setting> settings,
        boolean stored,
        @Nullable Instant updatedAt,
        @Nullable UUID updatedBy) {

    /** One setting; {@code value} is null for a secret or an unset one. */
    public record Setting(
            String name,
            boolean secret,
            boolean required,
            @Nullable String value,
            boolean set) {}

    public boolean fromEnvironment() {
        return source.equals("environment");
    }

    public boolean configured() {
        return !source.equals("none");
    }
}
