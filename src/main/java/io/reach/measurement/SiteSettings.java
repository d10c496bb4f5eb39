package io.reach.measurement;

import io.reach.measurement.ingest.SiteExclusions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A site's checked settings, as stored: domains are lower-case host names, the time zone an IANA
 * zone (null: the workspace's), excluded IPs address literals or CIDR blocks, excluded paths start
 * with {@code /} or {@code *} and may hold {@code *}. Duplicates are dropped, order kept.
 */
record SiteSettings(
        String name,
        List<String> domains,
        @Nullable String timeZone,
        List<String> excludedIps,
        List<String> excludedPaths) {

    private static final Pattern HOST =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern PATH = Pattern.compile("[/*][\\x21-\\x7e]{0,299}");

    /** Checks the given values; a 400 naming every field that is wrong. */
    static SiteSettings checked(
            String name, List<String> domains, @Nullable String timeZone, List<String> ips, List<String> paths) {
        List<FieldError> errors = new ArrayList<>();
        if (name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        List<String> hosts = each(
                "domains",
                domains,
                errors,
                given -> {
                    String host = given.strip().toLowerCase(Locale.ROOT);
                    return HOST.matcher(host).matches() ? host : null;
                },
                "must be a host name such as shop.example (no scheme, port or path)");
        List<String> blocks = each(
                "excluded_ips",
                ips,
                errors,
                given -> SiteExclusions.addressBlock(given.strip())
                        ? given.strip().toLowerCase(Locale.ROOT)
                        : null,
                "must be an IP address or a CIDR block such as 203.0.113.0/24 or 2001:db8::/32");
        List<String> patterns = each(
                "excluded_paths",
                paths,
                errors,
                given -> PATH.matcher(given.strip()).matches() ? given.strip() : null,
                "must be a path starting with / or * (at most 300 characters, no spaces); * matches any characters");
        String zone = timeZone == null || timeZone.isBlank() ? null : zone(timeZone.strip(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The site has invalid settings", errors);
        }
        return new SiteSettings(name.strip(), hosts, zone, blocks, patterns);
    }

    private interface Normaliser {
        @Nullable
        String normalised(String given);
    }

    private static List<String> each(
            String field, List<String> given, List<FieldError> errors, Normaliser normaliser, String rule) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String value = normaliser.normalised(given.get(i));
            if (value == null) {
                errors.add(new FieldError(field + "[" + i + "]", rule));
            } else if (!kept.contains(value)) {
                kept.add(value);
            }
        }
        return kept;
    }

    private static @Nullable String zone(String name, List<FieldError> errors) {
        try {
            ZoneId zone = ZoneId.of(name);
            if (!(zone instanceof java.time.ZoneOffset)) { // a region (Europe/Paris), not a fixed offset
                return zone.getId();
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(new FieldError("time_zone", "must be an IANA time zone such as Europe/Paris"));
        return null;
    }
}
