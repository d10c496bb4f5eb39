package io.reach.contacts;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a workspace's hosted preference centre and subscription forms look: the title, a few words
 * under it, the brand's name and logo (an https address), the colour of its buttons and a footer,
 * and whether contacts may choose how often they hear from it. Mirrors contacts.preference_centres.
 */
public record PreferenceBranding(
        String title,
        @Nullable String introduction,
        @Nullable String brandName,
        @Nullable String logoUrl,
        @Nullable String accentColor,
        @Nullable String footer,
        boolean offerFrequency) {

    public static final PreferenceBranding DEFAULT =
            new PreferenceBranding("Your subscriptions", null, null, null, null, null, true);

    private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");
    private static final Pattern LOGO = Pattern.compile("https://[^\\s\"'<>]+");

    /** The branding with texts trimmed (blank ones dropped) and the colour in lower case; a 400 naming what is wrong. */
    public PreferenceBranding checked() {
        List<FieldError> errors = new ArrayList<>();
        String named = title.strip();
        if (named.isEmpty() || named.length() > 200) {
            errors.add(new FieldError("title", "must be 1 to 200 characters"));
        }
        String intro = text(introduction, "introduction", 2000, errors);
        String brand = text(brandName, "brand_name", 200, errors);
        String logo = text(logoUrl, "logo_url", 2000, errors);
        if (logo != null && !LOGO.matcher(logo).matches()) {
            errors.add(new FieldError("logo_url", "must be an https:// address"));
        }
        String color = text(accentColor, "accent_color", 7, errors);
        color = color == null ? null : color.toLowerCase(Locale.ROOT);
        if (color != null && !COLOR.matcher(color).matches()) {
            errors.add(new FieldError("accent_color", "must be a colour as #rrggbb"));
        }
        String foot = text(footer, "footer", 2000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The preference centre's branding is not valid", errors);
        }
        return new PreferenceBranding(named, intro, brand, logo, color, foot, offerFrequency);
    }

    /**
     * The page's own style for the accent colour (buttons in it, their text black or white, whichever
     * reads better on it), or null without one; allowed by its hash in the page's CSP.
     */
    public @Nullable String style() {
        if (accentColor == null) {
            return null;
        }
        return ".public button:not(.secondary) { background: " + accentColor + "; color: " + textOn(accentColor)
                + "; }";
    }

    /** The CSP source that allows {@link #style()}, or none. */
    public String styleSource() {
        String style = style();
        if (style == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return " 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** Black or white, whichever has more contrast with the colour (WCAG relative luminance). */
    static String textOn(String color) {
        double luminance = 0.2126 * channel(color, 1) + 0.7152 * channel(color, 3) + 0.0722 * channel(color, 5);
        return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
    }

    private static double channel(String color, int at) {
        double value = Integer.parseInt(color.substring(at, at + 2), 16) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    private static @Nullable String text(@Nullable String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return text;
    }
}
