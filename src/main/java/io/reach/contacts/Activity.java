package io.reach.contacts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a contact's timeline: what happened, on which channel, about what (a campaign, a
 * list, an import: {@code sourceType} and {@code sourceId}), with a short detail (a clicked URL, a
 * bounce reason).
 */
public record Activity(
        UUID id,
        UUID contactId,
        ActivityKind kind,
        @Nullable ContactChannel channel,
        @Nullable ActivitySource sourceType,
        @Nullable UUID sourceId,
        @Nullable String detail,
        Instant occurredAt) {}
