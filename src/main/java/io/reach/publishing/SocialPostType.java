package io.reach.publishing;

import io.reach.platform.CheckSet;
import io.reach.social.Publication;

/** The kind of a published post, from its media: none is text, several a carousel. */
@CheckSet(table = "publishing.social_posts", column = "post_type")
enum SocialPostType {
    TEXT,
    IMAGE,
    VIDEO,
    CAROUSEL;

    static SocialPostType of(Publication publication) {
        if (publication.media().size() > 1) {
            return CAROUSEL;
        }
        return publication.media().isEmpty() ? TEXT : publication.hasVideo() ? VIDEO : IMAGE;
    }

    String code() {
        return name().toLowerCase();
    }
}
