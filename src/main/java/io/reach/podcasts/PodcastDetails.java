package io.reach.podcasts;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a podcast is, checked as the API takes it (texts trimmed, addresses http(s), limits the
 * database holds too); its {@code podcast:guid} made from the feed's address when not given.
 */
record PodcastDetails(
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
        UUID podcastGuid) {

    static PodcastDetails checked(PodcastInput input) {
        List<FieldError> errors = new ArrayList<>();
        String named = Texts.required(input.name(), "name", 500, errors);
        String feed = Texts.web(input.rssFeedUrl(), "rss_feed_url", errors);
        String details = Texts.optional(input.description(), "description", 50_000, errors);
        String site = Texts.web(input.websiteUrl(), "website_url", errors);
        String kind = Texts.optional(input.category(), "category", 200, errors);
        String tongue = Texts.optional(input.language(), "language", 35, errors);
        if (tongue != null && tongue.length() < 2) {
            errors.add(new FieldError("language", "must be a language tag such as en or en-GB"));
        }
        String art = Texts.web(input.artworkUrl(), "artwork_url", errors);
        String owner = Texts.optional(input.ownerName(), "owner_name", 500, errors);
        String email = Texts.optional(input.ownerEmail(), "owner_email", 254, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The podcast is not valid", errors);
        }
        UUID given = input.podcastGuid();
        UUID guid = given != null ? given : PodcastGuid.of(feed != null ? feed : "reach:" + UUID.randomUUID());
        return new PodcastDetails(
                named,
                details,
                feed,
                site,
                kind,
                tongue,
                art,
                owner,
                email,
                Boolean.TRUE.equals(input.explicit()),
                guid);
    }
}
