package io.reach.platform.security;

import io.reach.platform.CheckSet;

/** Where a platform administrator token comes from: the configuration, or generated at the first start. */
@CheckSet(table = "platform.admin_tokens", column = "source")
enum AdminTokenSource {
    CONFIGURED,
    GENERATED;

    String code() {
        return name().toLowerCase();
    }
}
