package io.reach.tenancy;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe tenant handles, as the {@code tenancy.tenants.slug} check constraint allows them. */
final class Slugs {

    static final String PATTERN = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    static final String MESSAGE = "must be 1 to 63 lower-case letters, digits or inner hyphens";

    private Slugs() {}

    /** {@code "Café Müller & Co."} becomes {@code "cafe-muller-co"}; a name with no usable letters gives "tenant". */
    static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 63) {
            slug = slug.substring(0, 63).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "tenant" : slug;
    }

    /** The n-th alternative when a slug is taken: {@code acme-2}, {@code acme-3}, … within 63 characters. */
    static String variant(String slug, int n) {
        String suffix = "-" + n;
        String base = slug.length() + suffix.length() > 63 ? slug.substring(0, 63 - suffix.length()) : slug;
        return base.replaceAll("-+$", "") + suffix;
    }
}
