package io.reach.measurement.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the ingestion path knows of a client, for the module root to offer other modules: its
 * address as the trusted proxies let it be read, and its country from the same geolocation.
 */
@Component
public class ClientFacts {

    private final Geolocation geolocation;
    private final Senders senders;

    ClientFacts(Geolocation geolocation, Senders senders) {
        this.geolocation = geolocation;
        this.senders = senders;
    }

    public @Nullable String countryOf(InetAddress address) {
        return geolocation.locate(address).countryCode();
    }

    public @Nullable String clientAddress(HttpServletRequest request) {
        return senders.of(request).address();
    }
}
