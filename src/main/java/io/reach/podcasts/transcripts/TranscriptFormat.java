package io.reach.podcasts.transcripts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Locale;
import java.util.Optional;

/** The transcript formats Reach reads, with the media types the Podcasting 2.0 namespace names for them. */
@CheckSet(table = "podcasts.transcripts", column = "format")
public enum TranscriptFormat {
    SRT("srt"),
    WEBVTT("webvtt"),
    JSON("json"),
    TEXT("text");

    private final String code;

    TranscriptFormat(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The format of a media type ({@code text/vtt}, {@code application/x-subrip}, ...), if Reach reads it. */
    public static Optional<TranscriptFormat> ofMediaType(String mediaType) {
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(
                switch (type) {
                    case "application/x-subrip", "application/srt", "text/srt", "text/x-srt" -> SRT;
                    case "text/vtt" -> WEBVTT;
                    case "application/json" -> JSON;
                    case "text/plain" -> TEXT;
                    default -> null;
                });
    }

    /** The media type Reach reads this format as. */
    public String mediaType() {
        return switch (this) {
            case SRT -> "application/x-subrip";
            case WEBVTT -> "text/vtt";
            case JSON -> "application/json";
            case TEXT -> "text/plain";
        };
    }

    /** Which format to prefer when a feed offers several: the ones with times first. */
    int preference() {
        return switch (this) {
            case JSON -> 0;
            case WEBVTT -> 1;
            case SRT -> 2;
            case TEXT -> 3;
        };
    }
}
