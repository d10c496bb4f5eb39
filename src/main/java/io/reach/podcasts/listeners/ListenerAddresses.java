package io.reach.podcasts.listeners;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a client address measurement uses: the identity (the IPv4 address, or the IPv6
 * address's first 64 bits, as the guidelines ask) and the network kept for IP lists (IPv4 /24,
 * IPv6 /48). IPv4-mapped IPv6 addresses are read as IPv4. Only literal addresses are read.
 */
public final class ListenerAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private ListenerAddresses() {}

    /** The address as written; null when it is not a literal IPv4 or IPv6 address. */
    public static @Nullable InetAddress parse(@Nullable String literal) {
        if (literal == null) {
            return null;
        }
        String text = literal.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** The IPv4 address's 4 bytes, or the IPv6 address's first 8 (its /64). */
    public static byte[] identity(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? bytes : Arrays.copyOf(bytes, 8);
    }

    /** The network kept: {@code a.b.c.0/24} or the IPv6 /48, in PostgreSQL's cidr notation. */
    public static String network(InetAddress address) {
        byte[] bytes = address.getAddress();
        int keep = bytes.length == 4 ? 3 : 6;
        byte[] network = new byte[bytes.length];
        System.arraycopy(bytes, 0, network, 0, keep);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
