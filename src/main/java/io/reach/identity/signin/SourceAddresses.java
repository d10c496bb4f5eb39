package io.reach.identity.signin;

import io.reach.identity.access.Cidr;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Where sign-in attempts come from, as the brakes count them: an IPv4 address, or the /64 network
 * of an IPv6 address (one subscriber's share, which they can spread over at will).
 */
final class SourceAddresses {

    private SourceAddresses() {}

    static String of(@Nullable String address) {
        if (address == null || !Cidr.isAddress(address)) {
            return "unknown";
        }
        try {
            // a literal (checked above), so no name is looked up
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
