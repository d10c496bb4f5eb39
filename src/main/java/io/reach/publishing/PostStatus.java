package io.reach.publishing;

import com.fasterxml.jackson.annotation.JsonValue;

/** Mirrors the status check of {@code publishing.posts}. */
enum PostStatus {
    DRAFT, SUBMITTED, APPROVED, SCHEDULED, PUBLISHED, FAILED, CANCELLED;

    @JsonValue
    String code() {
        return name().toLowerCase();
    }

    static PostStatus ofCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
