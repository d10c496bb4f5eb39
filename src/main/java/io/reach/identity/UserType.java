package io.reach.identity;

import io.reach.platform.CheckSet;

/** What kind of party a member (or the invited person) is; a workspace's owner joins as an admin. */
@CheckSet(table = "identity.memberships", column = "user_type")
@CheckSet(table = "identity.invitations", column = "user_type")
public enum UserType {
    BRAND,
    RETAILER,
    ADMIN,
    MEMBER;

    static UserType ofCode(String code) {
        return valueOf(code.toUpperCase());
    }

    String code() {
        return name().toLowerCase();
    }
}
