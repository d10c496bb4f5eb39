package io.reach.platform.idempotency;

/** A client's {@code Idempotency-Key}, which is only ever matched against the same principal's earlier requests. */
record IdempotencyKey(String principal, String value) {}
