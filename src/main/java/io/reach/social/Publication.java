package io.reach.social;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one variant puts on a platform: its text, its media (fetched by the platform from their
 * URLs, or uploaded by the adapter where the platform wants the bytes) and its metadata
 * ({@code title} for YouTube, {@code first_comment}, {@code hashtags}, {@code mentions}, …).
 */
public record Publication(String text, List<Medium> media, Map<String, Object> metadata) {

    public Publication {
        media = List.copyOf(media);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    public static Publication text(String text) {
        return new Publication(text, List.of(), Map.of());
    }

    /** One attached medium: {@code image} or {@code video}, where it can be fetched, and its file format if known. */
    public record Medium(String type, String url, @Nullable String format) {

        public boolean isVideo() {
            return type.equals("video");
        }
    }

    public boolean hasVideo() {
        return media.stream().anyMatch(Medium::isVideo);
    }

    /** A metadata entry as text, or {@code fallback} when it is absent or not text. */
    public String metadataText(String key, String fallback) {
        return metadata.get(key) instanceof String value && !value.isBlank() ? value : fallback;
    }
}
