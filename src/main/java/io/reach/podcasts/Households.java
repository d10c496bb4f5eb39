package io.reach.podcasts;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.listeners.ListenerAddresses;
import io.reach.podcasts.listeners.ListenerKeys;
import java.net.InetAddress;
import org.springframework.stereotype.Component;

/**
 * The household key of an address, as download measurement keys it (an HMAC of the IPv4 address or
 * the IPv6 /64 under the workspace's secret): what lets attribution match a conversion to the ads
 * delivered in a household's downloads without either side storing the address.
 */
@Component
public class Households {

    private final ListenerKeys keys;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Households(ListenerKeys keys, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** How many days the workspace keeps household keys (its measurement settings; 90 by default), in its transaction. */
    public int householdDays() {
        return jdbc.sql("select household_days from podcasts.measurement_settings")
                .query(Integer.class)
                .optional()
                .orElse(90);
    }

    public byte[] keyOf(TenantId tenant, InetAddress address) {
        return keys.household(tenant, ListenerAddresses.identity(address));
    }

    /** An address as sent (a literal only, never a host name), or null. */
    public static @org.jspecify.annotations.Nullable InetAddress parse(
            @org.jspecify.annotations.Nullable String literal) {
        return ListenerAddresses.parse(literal);
    }
}
