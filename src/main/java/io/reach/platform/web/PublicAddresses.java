package io.reach.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses Reach may fetch from on a tenant's word (social media, podcast feeds and audio):
 * public unicast ones only.
 *
 * <p>IPv4: every IANA special-purpose block that is not globally reachable (RFC 6890 and its
 * updates: this network, private, shared CGNAT space, loopback, link-local, IETF protocol
 * assignments, documentation, benchmarking, the 6to4 relay, multicast, reserved and broadcast).
 *
 * <p>IPv6: only global unicast ({@code 2000::/3}) is allowed, so loopback, unspecified,
 * IPv4-compatible, NAT64 ({@code 64:ff9b::/96}, {@code 64:ff9b:1::/48}), discard, unique-local,
 * link-local, site-local and multicast addresses are all refused; inside it, the blocks that
 * are not global or that lead to an IPv4 address through a translator are refused too (the IETF
 * protocol block with Teredo, documentation, 6to4 {@code 2002::/16}). An IPv4-mapped address
 * ({@code ::ffff:a.b.c.d}) is what its IPv4 address is. A translator's prefix is refused whatever
 * it embeds: the embedded IPv4 address cannot be trusted to be the one finally reached.
 */
public final class PublicAddresses {

    private static final List<Block> REFUSED_IPV4 = blocks(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4");
    private static final Block GLOBAL_UNICAST_IPV6 = block("2000::/3");
    private static final List<Block> REFUSED_IPV6 = blocks("2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20");
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private PublicAddresses() {}

    public static boolean isPublic(InetAddress address) {
        byte[] raw = address.getAddress();
        if (raw.length == 4) {
            return REFUSED_IPV4.stream().noneMatch(block -> block.contains(raw));
        }
        if (Arrays.equals(raw, 0, 12, MAPPED_PREFIX, 0, 12)) {
            return isPublic(ipv4(Arrays.copyOfRange(raw, 12, 16)));
        }
        return GLOBAL_UNICAST_IPV6.contains(raw) && REFUSED_IPV6.stream().noneMatch(block -> block.contains(raw));
    }

    private static InetAddress ipv4(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Block(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefixLength % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private static List<Block> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(PublicAddresses::block).toList();
    }

    /** A block written as a literal address and prefix length (no name is ever looked up). */
    private static Block block(String cidr) {
        String[] parts = cidr.split("/");
        try {
            return new Block(InetAddress.ofLiteral(parts[0]).getAddress(), Integer.parseInt(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(cidr, e);
        }
    }
}
