package io.reach.podcasts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An episode as stored: what its feed says (or what was entered), and the audio facts download
 * counting needs ({@code fileBytes}, {@code id3Bytes}, {@code bitrate}, {@code thresholdBytes}).
 */
public record Episode(
        UUID id,
        UUID podcastId,
        String guid,
        String title,
        @Nullable String description,
        @Nullable BigDecimal episodeNumber,
        @Nullable Integer season,
        @Nullable String episodeType,
        @Nullable Instant publishedAt,
        @Nullable Integer durationSeconds,
        boolean durationEstimated,
        @Nullable String audioUrl,
        @Nullable String audioType,
        boolean explicit,
        @Nullable Long fileBytes,
        @Nullable Integer id3Bytes,
        @Nullable Integer bitrate,
        @Nullable Long thresholdBytes,
        List<Map<String, String>> transcripts,
        @Nullable String chaptersUrl,
        List<Map<String, String>> persons,
        Instant createdAt,
        Instant updatedAt) {}
