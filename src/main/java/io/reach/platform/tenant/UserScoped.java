package io.reach.platform.tenant;

import java.util.UUID;

/** A principal that is a person; its user id reaches PostgreSQL as {@code app.user_id}. */
public interface UserScoped {

    UUID userId();
}
