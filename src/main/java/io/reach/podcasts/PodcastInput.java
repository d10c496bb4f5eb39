package io.reach.podcasts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A podcast as a request gives it, unchecked (see {@link PodcastDetails#checked}). */
record PodcastInput(
        @Nullable String name,
        @Nullable String description,
        @Nullable String rssFeedUrl,
        @Nullable String websiteUrl,
        @Nullable String category,
        @Nullable String language,
        @Nullable String artworkUrl,
        @Nullable String ownerName,
        @Nullable String ownerEmail,
        @Nullable Boolean explicit,
        @Nullable UUID podcastGuid) {

    /** The same input with this guid when it names none. */
    PodcastInput orGuid(UUID guid) {
        return podcastGuid != null
                ? this
                : new PodcastInput(
                        name,
                        description,
                        rssFeedUrl,
                        websiteUrl,
                        category,
                        language,
                        artworkUrl,
                        ownerName,
                        ownerEmail,
                        explicit,
                        guid);
    }
}
