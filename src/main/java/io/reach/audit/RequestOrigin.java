package io.reach.audit;

import org.jspecify.annotations.Nullable;

/** Where a request came from, as recorded with audit and security records. */
public record RequestOrigin(
        @Nullable String ipAddress, @Nullable String userAgent) {

    public static final RequestOrigin UNKNOWN = new RequestOrigin(null, null);
}
