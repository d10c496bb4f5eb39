package io.reach.identity.access;

import io.reach.platform.CheckSet;

/** What a permission allows on its resource type: reading it, or changing it. */
@CheckSet(table = "identity.permissions", column = "action")
enum PermissionAction {
    READ,
    WRITE;

    String code() {
        return name().toLowerCase();
    }
}
