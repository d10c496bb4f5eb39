package io.reach.podcasts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A podcast the workspace measures, as stored; {@code rssFeedUrl} set when it comes from a feed. */
public record Podcast(
        UUID id,
        String name,
        @Nullable String description,
        @Nullable String rssFeedUrl,
        @Nullable String websiteUrl,
        @Nullable String category,
        @Nullable String language,
        @Nullable String artworkUrl,
        @Nullable String ownerName,
        @Nullable String ownerEmail,
        boolean explicit,
        UUID podcastGuid,
        @Nullable Instant feedSyncedAt,
        Instant createdAt,
        Instant updatedAt) {}
