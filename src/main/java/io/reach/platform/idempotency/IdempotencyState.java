package io.reach.platform.idempotency;

import io.reach.platform.CheckSet;

/** An idempotency key's request: in progress (leased to the request holding it) until its answer is stored. */
@CheckSet(table = "platform.idempotency_keys", column = "state")
enum IdempotencyState {
    IN_PROGRESS,
    COMPLETED;

    static IdempotencyState ofCode(String code) {
        return valueOf(code.toUpperCase());
    }

    String code() {
        return name().toLowerCase();
    }
}
