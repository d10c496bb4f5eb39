package io.reach.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Instants as the {@code OffsetDateTime} bound to {@code timestamptz} parameters, always at UTC so
 * no JVM or session time zone slips into a stored or compared value.
 */
public final class UtcTimes {

    private UtcTimes() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** {@link #utc(Instant)} for an optional bound (an open window end, a watermark not yet set). */
    public static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    /** A nullable {@code timestamptz} column's value as an instant. */
    public static @Nullable Instant instantOrNull(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
