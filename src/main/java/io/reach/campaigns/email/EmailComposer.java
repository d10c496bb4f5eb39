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

    /** The last Date header written, for the second it stands for: formatting one took 3 % of a message. */
    private volatile DateHeader lastDate = new DateHeader(Long.MIN_VALUE, "");

    private record DateHeader(long second, String text) {}

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
                .header("Date", date())
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

    /** The Date header for now (RFC 5322 dates name the second), formatted once a second. */
    private String date() {
        java.time.Instant now = clock.instant();
        DateHeader last = lastDate;
        if (last.second() != now.getEpochSecond()) {
            last = new DateHeader(now.getEpochSecond(), DATE.format(now.atOffset(ZoneOffset.UTC)));
            lastDate = last;
        }
        return last.text();
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
        Matcher link = LINK.matcher(body);
        StringBuilder out = null;
        int copied = 0;
        for (int at = nextAnchor(body, 0); at >= 0; at = nextAnchor(body, at + 1)) {
            if (!link.region(at, body.length()).lookingAt()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(body.length() + 256);
            }
            String url = link.group(3).replace("&amp;", "&");
            String target = url.equals(unsubscribe)
                    ? link.group(3)
                    : trackingBase + "c/" + tokens.seal(TrackingTokens.Kind.CLICK, shared.tenant(), send, url);
            out.append(body, copied, link.start(3)).append(target);
            copied = link.end(3);
            at = link.end() - 1;
        }
        return out == null ? body : out.append(body, copied, body.length()).toString();
    }

    /**
     * Where the next {@code <a} tag ({@code <a} or {@code <A} followed by a non-word character) starts at or
     * after {@code from}: the only places {@link #LINK} can match. Asking the pattern itself to find them
     * tried it at every character of the body.
     */
    private static int nextAnchor(String body, int from) {
        for (int at = body.indexOf('<', from); at >= 0 && at + 2 < body.length(); at = body.indexOf('<', at + 1)) {
            char a = body.charAt(at + 1);
            if ((a == 'a' || a == 'A') && !isWordCharacter(body.charAt(at + 2))) {
                return at;
            }
        }
        return -1;
    }

    /** A character {@code \b} counts as part of a word: ASCII letters, digits and the underscore. */
    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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
