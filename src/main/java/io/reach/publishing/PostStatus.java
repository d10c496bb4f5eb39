package io.reach.publishing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reach.platform.CheckSet;

/** Mirrors the status check of {@code publishing.posts}. */
@CheckSet(table = "publishing.posts", column = "status")
enum PostStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    SCHEDULED,
    PUBLISHED,
    FAILED,
    CANCELLED;

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    static PostStatus ofCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
