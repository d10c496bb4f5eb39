package io.reach.measurement.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The events a site does not store: those sent from one of its excluded addresses (the client's
 * address as received, before it is truncated or hashed) or for a page whose path matches one of
 * its excluded paths ({@code *} matches any characters, the rest literally). Addresses are only
 * ever literals, so matching never asks DNS.
 */
public final class SiteExclusions {

    private static final String IPV4 = "\\d{1,3}(\\.\\d{1,3}){3}";
    private static final String IPV6 = "[0-9a-fA-F:]+(:" + IPV4 + ")?";
    static final SiteExclusions NONE = new SiteExclusions(List.of(), List.of());

    private final List<IpAddressMatcher> addresses;
    private final List<Pattern> paths;

    private SiteExclusions(List<IpAddressMatcher> addresses, List<Pattern> paths) {
        this.addresses = addresses;
        this.paths = paths;
    }

    /** From stored settings (checked when they were saved). */
    public static SiteExclusions of(List<String> blocks, List<String> patterns) {
        return new SiteExclusions(
                blocks.stream()
                        .filter(SiteExclusions::addressBlock)
                        .map(IpAddressMatcher::new)
                        .toList(),
                patterns.stream().map(SiteExclusions::glob).toList());
    }

    /** Whether the text is an IPv4 or IPv6 address literal, optionally with a prefix length in range. */
    public static boolean addressBlock(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || !isAddress(parts[0])) {
            return false;
        }
        int max = parts[0].contains(":") ? 128 : 32;
        if (parts.length == 2 && !(parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= max)) {
            return false;
        }
        try {
            new IpAddressMatcher(text).matches(parts[0]);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean excludes(@Nullable String clientAddress, @Nullable String pageUrl) {
        return addressExcluded(clientAddress) || pathExcluded(pageUrl);
    }

    private boolean addressExcluded(@Nullable String address) {
        if (address == null || addresses.isEmpty() || !isAddress(address)) {
            return false;
        }
        for (IpAddressMatcher block : addresses) {
            try {
                if (block.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // an address of the other family, or not an address at all: not in this block
            }
        }
        return false;
    }

    private boolean pathExcluded(@Nullable String pageUrl) {
        if (pageUrl == null || paths.isEmpty()) {
            return false;
        }
        String path = pathOf(pageUrl);
        return path != null
                && paths.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    /** The path of a page URL ({@code https://shop.example/a?b} or {@code /a?b} both give {@code /a}). */
    private static @Nullable String pathOf(String pageUrl) {
        if (pageUrl.startsWith("/")) {
            int end = pageUrl.length();
            for (char stop : new char[] {'?', '#'}) {
                int at = pageUrl.indexOf(stop);
                end = at >= 0 ? Math.min(end, at) : end;
            }
            return pageUrl.substring(0, end);
        }
        try {
            String path = new URI(pageUrl).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isAddress(String text) {
        return text.matches(IPV4) || text.contains(":") && text.matches(IPV6);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }
}
