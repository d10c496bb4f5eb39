package io.reach.measurement;

import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * The country of a client address (ISO 3166-1 alpha-2), from the configured or bundled database;
 * for other modules that measure requests (podcast downloads) and must not keep the address.
 */
public interface IpCountries {

    /** The country of an address, or null when unknown. */
    @Nullable
    String countryOf(InetAddress address);
}
