package io.reach.campaigns.email;

import com.samskivert.mustache.Template;
import io.reach.campaigns.sending.QueuedSend;
import io.reach.campaigns.templates.Personalisation;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.campaigns.templates.TemplateText;
import io.reach.platform.tenant.TenantId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
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

    private static final Pattern LINK =
            Pattern.compile("(?i)(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"']+)\\2");

    /** What the run's messages share. */
    record Shared(
            TenantId tenant,
            TemplateContent content,
            String senderEmail,
            @Nullable String senderName,
            boolean trackOpens,
            boolean trackClicks) {}

    private final Shared shared;
    private final Template subject;
    private final Template html;
    private final @Nullable Template text;
    private final TrackingTokens tokens;
    private final String trackingBase;
    private final String domain;

    EmailComposer(Shared shared, TrackingTokens tokens, String publicUrl) {
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
    }

    MimeMessage compose(Session session, QueuedSend send) throws MessagingException {
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
        MimeMessage message = new IdentifiedMessage(session, MessageIds.of(tokens, shared.tenant(), send.id(), domain));
        try {
            message.setFrom(new InternetAddress(shared.senderEmail(), shared.senderName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(send.address(), send.name(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setSubject(subject.execute(values).replaceAll("[\\r\\n]+", " "), "UTF-8");
        setBody(message, text == null ? null : text.execute(values), body);
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.saveChanges();
        return message;
    }

    /**
     * The body: HTML alone, or plain text and HTML as {@code multipart/alternative}. Built with
     * Jakarta Mail directly: Spring's MimeMessageHelper loads the MIME type tables for every message.
     */
    static void setBody(MimeMessage message, @Nullable String plain, String html) throws MessagingException {
        if (plain == null) {
            message.setText(html, "UTF-8", "html");
            return;
        }
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(plain, "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
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
        int end = body.toLowerCase().lastIndexOf("</body>");
        return end < 0 ? body + img : body.substring(0, end) + img + body.substring(end);
    }

    /** A message that keeps the Message-ID it is given (Jakarta Mail would otherwise make its own when saving). */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
