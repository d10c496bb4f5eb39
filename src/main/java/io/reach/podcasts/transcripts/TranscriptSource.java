package io.reach.podcasts.transcripts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** Where a transcript came from. */
@CheckSet(table = "podcasts.transcripts", column = "source")
public enum TranscriptSource {
    UPLOAD("upload"),
    FEED("feed");

    private final String code;

    TranscriptSource(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
