package io.reach.platform.idempotency;

import org.jspecify.annotations.Nullable;

/** A stored key: which request it was first used with and, once finished, the response given. */
record IdempotencyRecord(
        String fingerprint, boolean completed, @Nullable StoredResponse response) {}
