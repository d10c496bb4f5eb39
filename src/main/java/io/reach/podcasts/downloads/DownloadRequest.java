package io.reach.podcasts.downloads;

import java.net.InetAddress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One download request as received, before it is stored: the client's address is here, and only
 * here, until its keys are made.
 */
record DownloadRequest(
        Instant time,
        InetAddress ip,
        @Nullable String userAgent,
        String method,
        int status,
        @Nullable String range,
        @Nullable Long bytes,
        String episode,
        @Nullable String referrer) {}
