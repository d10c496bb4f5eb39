package io.reach.measurement;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The client address of a request: behind a trusted proxy ({@code reach.measurement.trusted-proxies})
 * the nearest untrusted address of {@code X-Forwarded-For}, otherwise the peer's; for other modules
 * that measure requests themselves (the podcast prefix redirect).
 */
public interface ClientAddresses {

    @Nullable
    String clientAddress(HttpServletRequest request);
}
