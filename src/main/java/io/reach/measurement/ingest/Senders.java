package io.reach.measurement.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who sent an ingestion request. Behind a trusted proxy ({@code reach.measurement.trusted-proxies},
 * CIDR blocks) the sender is the nearest untrusted address of {@code X-Forwarded-For}, and the
 * proxy's geolocation headers (Cloudflare, CloudFront, Vercel) say where it is; from anyone else
 * both are ignored.
 */
@Component
class Senders {

    private static final List<String> COUNTRY =
            List.of("CF-IPCountry", "CloudFront-Viewer-Country", "X-Vercel-IP-Country");
    private static final List<String> REGION = List.of("CF-Region", "CloudFront-Viewer-Country-Region-Name");
    /** Proxies that give only the subdivision part of its ISO 3166-2 code ({@code TX}); kept as {@code US-TX}. */
    private static final List<String> REGION_CODE =
            List.of("CF-Region-Code", "CloudFront-Viewer-Country-Region", "X-Vercel-IP-Country-Region");

    private static final List<String> CITY = List.of("CF-IPCity", "CloudFront-Viewer-City", "X-Vercel-IP-City");

    /**
     * The sender's address and the place its proxy reported ({@link Geolocation.Place#UNKNOWN} if
     * none); for a browser (the visitor itself) also its user agent.
     */
    record Sender(
            @Nullable String address,
            Geolocation.Place place,
            @Nullable String userAgent,
            boolean browser) {}

    private record Block(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 1 << (7 - bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trusted = new ArrayList<>();

    Senders(@Value("${reach.measurement.trusted-proxies:}") List<String> trustedProxies) {
        for (String cidr : trustedProxies) {
            if (cidr.isBlank()) {
                continue;
            }
            String[] parts = cidr.strip().split("/");
            InetAddress network = IpPrivacy.parsed(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException(
                        "reach.measurement.trusted-proxies: " + cidr + " is not an address block");
            }
            int bits = network.getAddress().length * 8;
            trusted.add(new Block(network.getAddress(), parts.length > 1 ? Integer.parseInt(parts[1]) : bits));
        }
    }

    /** A server sending events on its visitors' behalf. */
    Sender of(HttpServletRequest request) {
        return sender(request, null, false);
    }

    /** A visitor's browser sending its own events: its address and user agent describe the visitor. */
    Sender browser(HttpServletRequest request) {
        return sender(request, StorableText.bounded(request.getHeader("User-Agent"), 1024), true);
    }

    private Sender sender(HttpServletRequest request, @Nullable String userAgent, boolean browser) {
        String remote = request.getRemoteAddr();
        if (!trusted(remote)) {
            return new Sender(remote, Geolocation.Place.UNKNOWN, userAgent, browser);
        }
        String client = remote;
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (IpPrivacy.parsed(hop) == null) {
                    break;
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        String country = header(request, COUNTRY);
        boolean knownCountry = country != null
                && country.matches("[A-Za-z]{2}")
                && !country.equalsIgnoreCase("XX")
                && !country.equalsIgnoreCase("T1");
        if (!knownCountry) {
            return new Sender(client, Geolocation.Place.UNKNOWN, userAgent, browser);
        }
        String code = country.toUpperCase(Locale.ROOT);
        return new Sender(
                client,
                new Geolocation.Place(code, null, region(request, code), header(request, CITY), null, null, null),
                userAgent,
                browser);
    }

    /** The region's name when the proxy gives one, else its ISO 3166-2 code built from the country's. */
    private static @Nullable String region(HttpServletRequest request, String country) {
        String name = header(request, REGION);
        if (name != null) {
            return name;
        }
        String code = header(request, REGION_CODE);
        return code != null && code.matches("[A-Za-z0-9]{1,3}") ? country + "-" + code.toUpperCase(Locale.ROOT) : null;
    }

    private boolean trusted(@Nullable String address) {
        InetAddress parsed = address == null ? null : IpPrivacy.parsed(address);
        return parsed != null && trusted.stream().anyMatch(block -> block.contains(parsed));
    }

    private static @Nullable String header(HttpServletRequest request, List<String> names) {
        for (String name : names) {
            String value = request.getHeader(name);
            if (value != null && !value.isBlank()) {
                String decoded;
                try {
                    decoded = URLDecoder.decode(value.strip(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    decoded = value.strip();
                }
                return StorableText.bounded(decoded, 100);
            }
        }
        return null;
    }
}
