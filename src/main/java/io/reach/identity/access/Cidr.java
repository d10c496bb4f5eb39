package io.reach.identity.access;

import java.util.Optional;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * An address range written as a literal ({@code 10.0.0.0/8}, {@code ::1/128}); never a host
 * name, so matching never waits for DNS.
 */
public record Cidr(IpAddressMatcher matcher) {

    private static final String IPV4 = "\\d{1,3}(\\.\\d{1,3}){3}";
    private static final String IPV6 = "[0-9A-Fa-f:]+(:" + IPV4 + ")?";

    public static Optional<Cidr> parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || !(parts[0].matches(IPV4) || parts[0].contains(":") && parts[0].matches(IPV6))) {
            return Optional.empty();
        }
        int max = parts[0].contains(":") ? 128 : 32;
        if (parts.length == 2 && !(parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= max)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Cidr(new IpAddressMatcher(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is an IPv4 or IPv6 address literal (so parsing it never asks DNS). */
    public static boolean isAddress(String text) {
        return text.matches(IPV4) || text.contains(":") && text.matches(IPV6);
    }

    public boolean contains(String address) {
        if (!isAddress(address)) {
            return false;
        }
        try {
            return matcher.matches(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
