package io.reach.contacts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A list contacts subscribe to: how it takes members and who may subscribe (see {@link ListVisibility}). */
public record ContactList(
        UUID id,
        String name,
        @Nullable String description,
        OptIn optIn,
        ListVisibility visibility,
        Instant createdAt,
        Instant updatedAt) {}
