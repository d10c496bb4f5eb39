package io.reach.measurement;

import io.reach.measurement.ingest.ClientFacts;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The module's answers about clients to other modules, from the ingestion path's own reading of them. */
@Component
class MeasuredClients implements IpCountries, ClientAddresses {

    private final ClientFacts facts;

    MeasuredClients(ClientFacts facts) {
        this.facts = facts;
    }

    @Override
    public @Nullable String countryOf(InetAddress address) {
        return facts.countryOf(address);
    }

    @Override
    public @Nullable String clientAddress(HttpServletRequest request) {
        return facts.clientAddress(request);
    }
}
