package io.reach.platform.idempotency;

import java.util.Map;

/** The response first given to an idempotent request, as replayed to its retries. */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {}
