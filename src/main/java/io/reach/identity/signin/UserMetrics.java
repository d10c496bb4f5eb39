package io.reach.identity.signin;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The counters kept about a user (sign-in counts the logins); the module root's profile data answers. */
public interface UserMetrics {

    void addToMetric(UUID userId, String name, double delta, @Nullable String dataJson, Instant now);
}
