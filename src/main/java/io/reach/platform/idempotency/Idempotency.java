package io.reach.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;

/** What handlers may tell the idempotency filter. */
public final class Idempotency {

    static final String NOT_STORABLE = Idempotency.class.getName() + ".notStorable";

    private Idempotency() {}

    /**
     * This response carries a secret shown once (a new API key): it is not kept for replay, and
     * a retry with the same key runs the request again.
     */
    public static void doNotStoreResponse(HttpServletRequest request) {
        request.setAttribute(NOT_STORABLE, Boolean.TRUE);
    }
}
