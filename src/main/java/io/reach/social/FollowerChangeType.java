package io.reach.social;

import io.reach.platform.CheckSet;
import java.util.Arrays;
import java.util.Optional;

/** What happened between an account and one of its followers: a new follower or an unfollow. */
@CheckSet(table = "social.follower_changes", column = "change_type")
enum FollowerChangeType {
    NEW_FOLLOWER,
    UNFOLLOWER;

    String code() {
        return name().toLowerCase();
    }

    static Optional<FollowerChangeType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }
}
