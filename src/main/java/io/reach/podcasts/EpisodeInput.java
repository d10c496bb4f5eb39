package io.reach.podcasts;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An episode as a request gives it, unchecked (see {@link EpisodeDetails#checked}). */
record EpisodeInput(
        @Nullable String guid,
        @Nullable String title,
        @Nullable String description,
        @Nullable BigDecimal episodeNumber,
        @Nullable Integer season,
        @Nullable String episodeType,
        @Nullable Instant publishedAt,
        @Nullable Integer durationSeconds,
        @Nullable String audioUrl,
        @Nullable Long fileBytes,
        @Nullable Boolean explicit) {}
