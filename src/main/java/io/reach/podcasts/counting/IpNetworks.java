package io.reach.podcasts.counting;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A set of IP networks, matched against what a stored request still has of its address: the
 * network (IPv4 /24, IPv6 /48) and the household key (an HMAC of the IPv4 address or the IPv6 /64).
 * A wide entry (IPv4 up to /24, IPv6 up to /48) matches by network; a narrower one is turned into
 * the household keys of the addresses (IPv4) or /64 networks (IPv6) it holds, at most
 * {@value #MAX_EXPANDED} of them per entry — wider "narrow" entries cannot be matched exactly and
 * are refused when a list is written.
 */
final class IpNetworks {

    static final int MAX_EXPANDED = 65_536;
    private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F:.]{2,45}(/\\d{1,3})?");

    private final long[] v4Starts;
    private final long[] v4Ends;
    private final long[] v6Starts;
    private final long[] v6Ends;
    private final Set<HouseholdKey> households;

    private IpNetworks(List<long[]> v4, List<long[]> v6, Set<HouseholdKey> households) {
        long[][] four = merged(v4);
        long[][] six = merged(v6);
        this.v4Starts = four[0];
        this.v4Ends = four[1];
        this.v6Starts = six[0];
        this.v6Ends = six[1];
        this.households = households;
    }

    static final IpNetworks EMPTY = new IpNetworks(List.of(), List.of(), Set.of());

    /** A network as written ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, or one address). */
    record Network(InetAddress address, int prefix) {

        boolean v6() {
            return address.getAddress().length == 16;
        }

        /** Whether a request's stored network can answer for this entry, or its household keys must. */
        boolean wide() {
            return v6() ? prefix <= 48 : prefix <= 24;
        }

        long expandedCount() {
            int bits = v6() ? Math.max(0, 64 - prefix) : 32 - prefix;
            return 1L << Math.min(bits, 62);
        }

        @Override
        public String toString() {
            return address.getHostAddress() + "/" + prefix;
        }
    }

    /** The network a line names; empty for comments, blanks and text that is not one. */
    static @Nullable Network parse(String line) {
        String text = line.strip();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash).strip();
        }
        if (text.isEmpty() || !CIDR.matcher(text).matches()) {
            return null;
        }
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (host.indexOf(':') < 0 && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            int max = address.getAddress().length * 8;
            int prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > max) {
                return null;
            }
            return new Network(InetAddress.getByAddress(masked(address.getAddress(), prefix)), prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Compiles the networks; narrow ones become household keys through {@code household} (the
     * workspace's key of an IPv4 address or IPv6 /64 network, given as its bytes).
     */
    static IpNetworks of(List<Network> networks, Function<byte[], HouseholdKey> household) {
        List<long[]> v4 = new ArrayList<>();
        List<long[]> v6 = new ArrayList<>();
        Set<HouseholdKey> keys = new HashSet<>();
        for (Network network : networks) {
            byte[] bytes = network.address().getAddress();
            if (network.wide()) {
                if (network.v6()) {
                    long start = high64(bytes);
                    long span = network.prefix() == 0 ? -1L : (1L << (64 - network.prefix())) - 1;
                    v6.add(new long[] {flip(start), flip(start | span)});
                } else {
                    long start = Integer.toUnsignedLong(ipv4(bytes));
                    v4.add(new long[] {start, start + (1L << (32 - network.prefix())) - 1});
                }
            } else if (network.expandedCount() <= MAX_EXPANDED) {
                expand(network, household, keys);
            }
        }
        return new IpNetworks(v4, v6, Set.copyOf(keys));
    }

    /** Whether a request with this stored network and household key is in the set. */
    boolean matches(@Nullable StoredAddress address) {
        if (address == null) {
            return false;
        }
        if (address.household() != null && households.contains(address.household())) {
            return true;
        }
        return address.v6()
                ? within(v6Starts, v6Ends, flip(address.network()))
                : within(v4Starts, v4Ends, address.network());
    }

    boolean isEmpty() {
        return v4Starts.length == 0 && v6Starts.length == 0 && households.isEmpty();
    }

    /**
     * What a stored request keeps of its address: the network's leading bits (an IPv4 /24 as an
     * unsigned 32-bit value, or the high 64 bits of an IPv6 /48) and its household key, if still kept.
     */
    record StoredAddress(boolean v6, long network, @Nullable HouseholdKey household) {}

    /** A household key as a value (bytes compared by content). */
    record HouseholdKey(long high, long low) {

        static @Nullable HouseholdKey of(byte @Nullable [] bytes) {
            if (bytes == null || bytes.length != 16) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new HouseholdKey(buffer.getLong(), buffer.getLong());
        }
    }

    private static void expand(Network network, Function<byte[], HouseholdKey> household, Set<HouseholdKey> keys) {
        byte[] base = network.address().getAddress();
        if (network.v6()) {
            long start = high64(base);
            long count = network.prefix() >= 64 ? 1 : 1L << (64 - network.prefix());
            for (long i = 0; i < count; i++) {
                byte[] slash64 = new byte[8];
                long value = start + i;
                for (int b = 0; b < 8; b++) {
                    slash64[b] = (byte) (value >>> (56 - 8 * b));
                }
                keys.add(household.apply(slash64));
            }
        } else {
            long start = Integer.toUnsignedLong(ipv4(base));
            long count = 1L << (32 - network.prefix());
            for (long i = 0; i < count; i++) {
                long value = start + i;
                keys.add(household.apply(
                        new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}));
            }
        }
    }

    private static boolean within(long[] starts, long[] ends, long value) {
        int index = Arrays.binarySearch(starts, value);
        int candidate = index >= 0 ? index : -index - 2;
        return candidate >= 0 && ends[candidate] >= value;
    }

    private static long[][] merged(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(range -> range[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] range : sorted) {
            long[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && range[0] <= last[1] + 1 && last[1] != Long.MAX_VALUE) {
                last[1] = Math.max(last[1], range[1]);
            } else if (last != null && last[1] == Long.MAX_VALUE) {
                continue;
            } else {
                merged.add(new long[] {range[0], range[1]});
            }
        }
        long[] starts = new long[merged.size()];
        long[] ends = new long[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            starts[i] = merged.get(i)[0];
            ends[i] = merged.get(i)[1];
        }
        return new long[][] {starts, ends};
    }

    static byte[] masked(byte[] address, int prefix) {
        byte[] bytes = address.clone();
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        return bytes;
    }

    static int ipv4(byte[] bytes) {
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
    }

    static long high64(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    /** Unsigned order as signed: IPv6 high bits compared with the sign bit flipped. */
    private static long flip(long unsigned) {
        return unsigned ^ Long.MIN_VALUE;
    }
}
