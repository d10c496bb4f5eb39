package io.reach.publishing;

import io.reach.platform.CheckSet;

/** What one engagement measurement of a published post counts. */
@CheckSet(table = "publishing.social_engagement", column = "engagement_type")
enum EngagementType {
    LIKE,
    COMMENT,
    SHARE,
    SAVE,
    REACH,
    IMPRESSION;

    String code() {
        return name().toLowerCase();
    }
}
