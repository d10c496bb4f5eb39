package io.reach.podcasts;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An episode as a feed item describes it or the API gives it, checked; {@code guid} identifies it within its podcast. */
record EpisodeDetails(
        String guid,
        String title,
        @Nullable String description,
        @Nullable BigDecimal episodeNumber,
        @Nullable Integer season,
        @Nullable String episodeType,
        @Nullable Instant publishedAt,
        @Nullable Integer durationSeconds,
        @Nullable String audioUrl,
        @Nullable String audioType,
        @Nullable Long fileBytes,
        boolean explicit,
        List<Map<String, String>> transcripts,
        @Nullable String chaptersUrl,
        List<Map<String, String>> persons) {

    /** An episode entered through the API: a guid of its own unless given. */
    static EpisodeDetails checked(EpisodeInput input) {
        BigDecimal episodeNumber = input.episodeNumber();
        Integer season = input.season();
        Integer durationSeconds = input.durationSeconds();
        Long fileBytes = input.fileBytes();
        String episodeType = input.episodeType();
        List<FieldError> errors = new ArrayList<>();
        String id = Texts.optional(input.guid(), "guid", 1000, errors);
        String named = Texts.required(input.title(), "title", 1000, errors);
        String details = Texts.optional(input.description(), "description", 100_000, errors);
        String audio = Texts.web(input.audioUrl(), "audio_url", errors);
        if (episodeNumber != null
                && (episodeNumber.signum() < 0 || episodeNumber.compareTo(BigDecimal.valueOf(99_999_999)) > 0)) {
            errors.add(new FieldError("episode_number", "must be from 0 to 99999999"));
        }
        if (season != null && season < 0) {
            errors.add(new FieldError("season", "must be 0 or more"));
        }
        String type = EpisodeType.ofCode(episodeType).map(EpisodeType::code).orElse(null);
        if (episodeType != null && type == null) {
            errors.add(new FieldError("episode_type", "must be full, trailer or bonus"));
        }
        if (durationSeconds != null && durationSeconds < 0) {
            errors.add(new FieldError("duration_seconds", "must be 0 or more"));
        }
        if (fileBytes != null && fileBytes < 0) {
            errors.add(new FieldError("file_bytes", "must be 0 or more"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The episode is not valid", errors);
        }
        return new EpisodeDetails(
                id == null ? "reach:" + UUID.randomUUID() : id,
                named,
                details,
                episodeNumber,
                season,
                type,
                input.publishedAt(),
                durationSeconds,
                audio,
                null,
                fileBytes,
                Boolean.TRUE.equals(input.explicit()),
                List.of(),
                null,
                List.of());
    }
}
