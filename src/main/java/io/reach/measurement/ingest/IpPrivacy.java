package io.reach.measurement.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How much of a visitor's IP address is kept, per the tenant's setting {@code ip_handling}:
 * {@code truncate} (the default: IPv4 to its /24, IPv6 to its /64), {@code hash} (SHA-256 with
 * the tenant id as salt, so equal addresses stay comparable within a tenant only) or {@code full}.
 */
final class IpPrivacy {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private IpPrivacy() {}

    static @Nullable String kept(@Nullable String address, @Nullable Object setting, UUID tenant) {
        if (address == null || address.isBlank()) {
            return null;
        }
        InetAddress parsed = parsed(address.strip());
        return parsed == null ? null : kept(parsed, setting, tenant);
    }

    /** An address already parsed, as the tenant's setting keeps it. */
    static String kept(InetAddress parsed, @Nullable Object setting, UUID tenant) {
        return switch (setting == null ? "truncate" : setting.toString()) {
            case "full" -> parsed.getHostAddress();
            case "hash" -> hashed(parsed, tenant);
            default -> truncated(parsed);
        };
    }

    /** An address as written (no name lookups: only literal IPv4 or IPv6 addresses). */
    static @Nullable InetAddress parsed(String literal) {
        boolean ipv4 = IPV4.matcher(literal).matches();
        boolean ipv6 = literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static String truncated(InetAddress address) {
        byte[] bytes = address.getAddress();
        int keep = bytes.length == 4 ? 3 : 8;
        for (int i = keep; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hashed(InetAddress address, UUID tenant) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tenant.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(digest.digest(address.getAddress()))
                            .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
