package io.reach.measurement;

import io.reach.platform.mail.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * The {@code <script>} tag a site pastes to be measured with a site key: the tracking script from
 * this installation's public address ({@code reach.identity.public-url}), which also receives the
 * events. For the console's site-key page.
 */
@Component
class TrackingSnippet {

    private final PublicUrl publicUrl;

    TrackingSnippet(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    String forKey(String siteKey) {
        return "<script defer src=\"" + attribute(publicUrl.base() + TrackingScriptController.PATH)
                + "\" data-site-key=\"" + attribute(siteKey) + "\"></script>";
    }

    /** Site keys and URLs hold no markup, but a configured public URL is still text from outside. */
    private static String attribute(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
