package io.reach.podcasts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an episode is (itunes:episodeType): mirrors the CHECK on podcasts.episodes.episode_type. */
@CheckSet(table = "podcasts.episodes", column = "episode_type")
public enum EpisodeType {
    FULL,
    TRAILER,
    BONUS;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a feed or a request names, in any case; empty for none or another word. */
    public static Optional<EpisodeType> ofCode(@org.jspecify.annotations.Nullable String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.code().equals(wanted))
                .findFirst();
    }
}
