package io.reach.measurement.ingest;

import io.reach.measurement.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Client addresses as the ingestion reads them ({@link Senders}). */
@Component
class SenderAddresses implements ClientAddresses {

    private final Senders senders;

    SenderAddresses(Senders senders) {
        this.senders = senders;
    }

    @Override
    public @Nullable String clientAddress(HttpServletRequest request) {
        return senders.of(request).address();
    }
}
