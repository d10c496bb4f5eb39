package io.reach.social;

import io.reach.platform.web.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A social platform and the limits a post for it must respect. */
public record SocialChannel(
        UUID id,
        String channelName,
        String channelDisplayName,
        String channelUrl,
        String apiEndpoint,
        @Nullable String iconUrl,
        boolean isActive,
        boolean requiresOauth,
        @Nullable Integer maxVideoLength,
        List<String> supportedFormats,
        int maxTextLength,
        int minMedia,
        int maxMedia,
        List<String> allowedMediaTypes,
        Instant createdAt,
        Instant updatedAt) {

    /** What a variant for this channel is made of: its text and its media. */
    public record Variant(@Nullable String text, List<Media> media) {}

    /** One attached medium: its type ({@code image}, {@code video}), file format and, for video, length in seconds. */
    public record Media(
            String type, @Nullable String format, @Nullable Integer durationSeconds) {}

    /**
     * Everything wrong with {@code variant} for this channel, each as a field error; empty when it
     * can be published. Text length is counted the platform's way ({@link TextLengths}).
     */
    public List<FieldError> problemsWith(Variant variant) {
        List<FieldError> problems = new ArrayList<>();
        String text = variant.text() == null ? "" : variant.text();
        int length = TextLengths.of(channelName, text);
        if (length > maxTextLength) {
            String unit = TextLengths.unit(channelName);
            problems.add(new FieldError(
                    "text", "is " + length + " " + unit + "; " + channelDisplayName + " allows " + maxTextLength));
        }
        int count = variant.media().size();
        if (count < minMedia || count > maxMedia) {
            problems.add(new FieldError(
                    "media",
                    channelDisplayName + " needs " + (minMedia == maxMedia ? minMedia : minMedia + " to " + maxMedia)
                            + " media; the variant has " + count));
        }
        for (int i = 0; i < count; i++) {
            problems.addAll(problemsWith(variant.media().get(i), "media[" + i + "]"));
        }
        return problems;
    }

    private List<FieldError> problemsWith(Media media, String field) {
        List<FieldError> problems = new ArrayList<>();
        if (!allowedMediaTypes.contains(media.type())) {
            problems.add(new FieldError(
                    field + ".type",
                    channelDisplayName + " takes " + String.join(" or ", allowedMediaTypes) + ", not " + media.type()));
            return problems;
        }
        if (!media.type().equals("video")) {
            return problems;
        }
        if (media.format() != null && !supportedFormats.contains(media.format().toLowerCase())) {
            problems.add(new FieldError(
                    field + ".format",
                    channelDisplayName + " plays " + String.join(", ", supportedFormats) + " video, not "
                            + media.format()));
        }
        if (maxVideoLength != null && media.durationSeconds() != null && media.durationSeconds() > maxVideoLength) {
            problems.add(new FieldError(
                    field + ".duration_seconds",
                    "is " + media.durationSeconds() + " s; " + channelDisplayName + " allows " + maxVideoLength
                            + " s"));
        }
        return problems;
    }
}
