package io.reach.campaigns.email;

import com.samskivert.mustache.Template;
import io.reach.campaigns.sending.QueuedSend;
import io.reach.campaigns.templates.Personalisation;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.campaigns.templates.TemplateText;
import io.reach.platform.tenant.TenantId;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes one recipient's message of an e-mail campaign: the personalised subject, HTML and text;
 * links in the HTML turned into signed click links; an open pixel; a unique, opaque Message-ID
 * that only Reach can read the send and tenant from; and {@code List-Unsubscribe} with one-click {@code List-Unsubscribe-Post}
 * (RFC 8058). Shared by a run's workers (compiled templates are immutable).
 */
final class EmailComposer {

    /** RFC 5322 3.3, with a numeric zone as it asks (not "GMT"). */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LINK =
            Pattern.compile("(?i)(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"']+)\\2");

    /** What the run's messages share. */
    record Shared(
            TenantId tenant,
            TemplateContent content,
            String senderEmail,
            @Nullable String senderName,
            boolean trackOpens,
            boolean trackClicks,
            String subjectPrefix) {}

    private final Shared shared;
    private final Template subject;
    private final Template html;
    private final @Nullable Template text;
    private final TrackingTokens tokens;
    private final String trackingBase;
    private final String domain;
    private final InternetAddress from;
    private final String fromHeader;
    /** Separates the parts; {@link MailBytes} writes a part that contains it quoted-printable, where it cannot occur. */
    private final String boundary;

    private final Clock clock;

    EmailComposer(Shared shared, TrackingTokens tokens, String publicUrl, Clock clock) {
        this.shared = shared;
        // checked e-mail content (EmailContent.of) always has a subject and an HTML part
        this.subject =
                TemplateText.compile(Objects.requireNonNull(shared.content().part("subject"), "subject"), false);
        this.html = TemplateText.compile(Objects.requireNonNull(shared.content().part("html"), "html"), true);
        String plain = shared.content().part("text");
        this.text = plain == null ? null : TemplateText.compile(plain, false);
        this.tokens = tokens;
        this.trackingBase = publicUrl.replaceAll("/+$", "") + "/api/v1/t/";
        this.domain = shared.senderEmail().substring(shared.senderEmail().indexOf('@') + 1);
        this.from = address(shared.senderEmail(), shared.senderName());
        this.fromHeader = from.toString();
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        this.boundary = "=_reach_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.clock = clock;
    }

    /** Composes {@code send}'s message: tracked, personalised, and in the bytes it goes over SMTP in. */
    ComposedMail compose(QueuedSend send) {
        String unsubscribe =
                trackingBase + "u/" + tokens.seal(TrackingTokens.Kind.UNSUBSCRIBE, shared.tenant(), send.id(), null);
        Map<String, Object> values = Personalisation.values(
                shared.content(),
                send.variables(),
                Map.of(
                        "email",
                        send.address(),
                        "name",
                        send.name() == null ? "" : send.name(),
                        "unsubscribe_url",
                        unsubscribe,
                        Personalisation.PREFERENCES_URL,
                        Personalisation.preferencesUrl(send.variables(), unsubscribe)));
        String body = html.execute(values);
        if (shared.trackClicks()) {
            body = trackLinks(body, send.id(), unsubscribe);
        }
        if (shared.trackOpens()) {
            body = withPixel(
                    body,
                    trackingBase + "o/" + tokens.seal(TrackingTokens.Kind.OPEN, shared.tenant(), send.id(), null));
        }
        String messageId = MessageIds.of(tokens, shared.tenant(), send.id(), domain);
        InternetAddress to = address(send.address(), send.name());
        String subjectLine = shared.subjectPrefix() + subject.execute(values); // MailBytes makes line breaks spaces
        MailBytes mail = new MailBytes()
                .header("Date", DATE.format(clock.instant().atOffset(ZoneOffset.UTC)))
                .header("From", fromHeader)
                .header("To", to.toString())
                .header("Message-ID", messageId)
                .header("Subject", encoded(subjectLine))
                .header("MIME-Version", "1.0")
                .header("List-Unsubscribe", "<" + unsubscribe + ">")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        if (text == null) {
            mail.text("html", body, boundary);
        } else {
            mail.header("Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"")
                    .endHeaders()
                    .delimiter(boundary)
                    .text("plain", text.execute(values), boundary)
                    .delimiter(boundary)
                    .text("html", body, boundary)
                    .closeDelimiter(boundary);
        }
        return new ComposedMail(messageId, from, to, subjectLine, mail.bytes());
    }

    private static InternetAddress address(String email, @Nullable String name) {
        try {
            return new InternetAddress(email, name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text as RFC 2047 encoded words where it is not ASCII. */
    private static String encoded(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String trackLinks(String body, UUID send, String unsubscribe) {
        Matcher links = LINK.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 256);
        while (links.find()) {
            String url = links.group(3).replace("&amp;", "&");
            String target = url.equals(unsubscribe)
                    ? links.group(3)
                    : trackingBase + "c/" + tokens.seal(TrackingTokens.Kind.CLICK, shared.tenant(), send, url);
            links.appendReplacement(
                    out, Matcher.quoteReplacement(links.group(1) + links.group(2) + target + links.group(2)));
        }
        links.appendTail(out);
        return out.toString();
    }

    private static String withPixel(String body, String pixel) {
        String img = "<img src=\"" + pixel + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">";
        int end = lastBodyEnd(body);
        return end < 0 ? body + img : body.substring(0, end) + img + body.substring(end);
    }

    /** Where the last {@code </body>} (in any case) starts, without a lower-cased copy of the whole body. */
    private static int lastBodyEnd(String body) {
        for (int at = body.lastIndexOf('<'); at >= 0; at = body.lastIndexOf('<', at - 1)) {
            if (body.regionMatches(true, at, "</body>", 0, 7)) {
                return at;
            }
        }
        return -1;
    }
}
