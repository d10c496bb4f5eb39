package io.reach.campaigns;

import java.time.Instant;
import java.util.UUID;

/** Who made a campaign and when, and when it last changed. */
record Authorship(UUID createdBy, Instant createdAt, Instant updatedAt) {

    Authorship touched(Instant now) {
        return new Authorship(createdBy, createdAt, now);
    }
}
