package io.reach.social;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (inside the tenant's transaction) when a sync finds an account's follower count
 * changed, so automations can act on milestones.
 */
public record FollowersChanged(
        UUID tenantId, UUID socialAccountId, String platform, long before, long after, Instant at) {}
