package io.reach.campaigns.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.QueuedSend;
import io.reach.platform.tenant.TenantId;
import io.reach.support.ReachTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bytes {@link EmailComposer} writes ({@link MailBytes}) read back with Jakarta Mail's own parser as
 * the message that was meant: headers decoded, each part's text exactly as rendered whatever encoding it
 * needed, every line ended by CRLF and none longer than RFC 5322 allows.
 */
@ReachTest
class EmailComposerTest {

    private static final Session PARSER = Session.getInstance(new Properties());
    private static final tools.jackson.databind.JsonNode FIRST_NAME =
            tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().putNull("first_name");

    @Autowired
    TrackingTokens tokens;

    @Test
    void aPersonalisedMessageReadsBackWithItsHeadersPartsAndTrackedLinks() throws Exception {
        ComposedMail mail = composer(
                        "{{first_name}}, the sälë is on ✨",
                        "<html><body><p>Hello {{first_name}}</p><a href=\"https://shop.example/sale?a=1&amp;b=2\">Shop</a>"
                                + "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a></body></html>",
                        "Hello {{first_name}},\nthe sale: https://shop.example/sale\r\n.\r\nBye")
                .compose(send("zoë@example.org", "Zoë Ünal", "Zoë"));

        MimeMessage parsed = parse(mail);

        assertThat(parsed.getSubject()).isEqualTo("Zoë, the sälë is on ✨");
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Bränd & Co");
        assertThat(((InternetAddress) parsed.getFrom()[0]).getAddress()).isEqualTo("news@brand.example");
        InternetAddress to = (InternetAddress) parsed.getAllRecipients()[0];
        assertThat(to.getPersonal()).isEqualTo("Zoë Ünal");
        assertThat(to.getAddress()).isEqualTo("zoë@example.org");
        assertThat(parsed.getMessageID()).isEqualTo(mail.messageId()).endsWith("@brand.example>");
        assertThat(parsed.getSentDate()).isNotNull();
        assertThat(parsed.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = parsed.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).startsWith("<https://reach.example/api/v1/t/u/");

        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContent())
                .isEqualTo("Hello Zoë,\r\nthe sale: https://shop.example/sale\r\n.\r\nBye");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html)
                .startsWith("<html><body><p>Hello Zoë</p><a href=\"https://reach.example/api/v1/t/c/")
                .contains("<a href=\"" + unsubscribe.substring(1, unsubscribe.length() - 1) + "\">Unsubscribe</a>")
                .contains("<img src=\"https://reach.example/api/v1/t/o/")
                .endsWith("</body></html>");
        assertWireForm(mail.bytes());
    }

    @Test
    void eachPartTakesTheEncodingItsTextNeedsAndReadsBackUnchanged() throws Exception {
        String longLine = "<p>" + "word ".repeat(600) + "</p>";
        String japanese = "セールが始まりました。今すぐお買い求めください。".repeat(20);
        String equalsAndDots = "a=b\n.leading dot\nlast line   ";
        for (String text : new String[] {longLine, japanese, equalsAndDots, "plain ASCII\nin two lines"}) {
            ComposedMail mail = composer("Subject", "<html><body>" + text + "</body></html>", text)
                    .compose(send("a@example.org", null, "A"));

            MimeMultipart parts = (MimeMultipart) parse(mail).getContent();

            assertThat(parts.getBodyPart(0).getContent()).as(text).isEqualTo(text.replace("\n", "\r\n"));
            assertThat((String) parts.getBodyPart(1).getContent())
                    .as(text)
                    .startsWith("<html><body>" + text.replace("\n", "\r\n") + "<img src=")
                    .endsWith("</body></html>");
            assertWireForm(mail.bytes());
        }
        assertThat(MailBytes.TransferEncoding.of(longLine.getBytes(StandardCharsets.UTF_8), "=_b"))
                .isEqualTo(MailBytes.TransferEncoding.QUOTED_PRINTABLE);
        assertThat(MailBytes.TransferEncoding.of(japanese.getBytes(StandardCharsets.UTF_8), "=_b"))
                .isEqualTo(MailBytes.TransferEncoding.BASE64);
        assertThat(MailBytes.TransferEncoding.of("short\nlines".getBytes(StandardCharsets.UTF_8), "=_b"))
                .isEqualTo(MailBytes.TransferEncoding.SEVEN_BIT);
    }

    @Test
    void longHeadersAreFoldedAndALineBreakInAValueCannotAddAHeader() throws Exception {
        String subject = "The whole autumn collection, every size and colour, now at a price you will not see again";
        ComposedMail mail = composer(subject, "<p>x</p>", "x")
                .compose(send("eve@example.org", "Eve\r\nBcc: victim@example.org", "Eve"));

        MimeMessage parsed = parse(mail);

        assertThat(parsed.getSubject()).isEqualTo(subject);
        assertThat(parsed.getHeader("Bcc")).isNull();
        assertThat(((InternetAddress) parsed.getAllRecipients()[0]).getPersonal())
                .isEqualTo("Eve Bcc: victim@example.org");
        String wire = new String(mail.bytes(), StandardCharsets.ISO_8859_1);
        String headers = wire.substring(0, wire.indexOf("\r\n\r\n"));
        assertThat(headers).contains("Subject: The whole autumn collection,").contains("\r\n ");
        for (String line : headers.split("\r\n")) {
            if (!line.startsWith("List-Unsubscribe:") && !line.startsWith("Message-ID:")) { // one word each
                assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
            }
        }
        assertThat(MailBytes.folded(9, "a ".repeat(100)).split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78))
                .hasSizeGreaterThan(2);
        assertThat(MailBytes.folded(9, "x".repeat(200))).isEqualTo("x".repeat(200));
    }

    @Test
    void aTextThatContainsTheBoundaryIsWrittenSoItCannotEndThePart() throws Exception {
        String boundary = "=_reach_test";
        String text = "before\n--" + boundary + "--\nafter";
        byte[] bytes = new MailBytes()
                .header("Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"")
                .endHeaders()
                .delimiter(boundary)
                .text("plain", text, boundary)
                .closeDelimiter(boundary)
                .bytes();

        MimeMultipart parts = (MimeMultipart) new MimeMessage(PARSER, new ByteArrayInputStream(bytes)).getContent();

        assertThat(MailBytes.TransferEncoding.of(text.getBytes(StandardCharsets.UTF_8), boundary))
                .isEqualTo(MailBytes.TransferEncoding.QUOTED_PRINTABLE);
        assertThat(parts.getCount()).isEqualTo(1);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void anHtmlOnlyMessageIsOneHtmlPartAndATestSendMarksItsSubject() throws Exception {
        EmailComposer composer = new EmailComposer(
                new EmailComposer.Shared(
                        TenantId.of(UUID.randomUUID()),
                        EmailContent.of("Hi {{first_name}}", "<p>Only HTML</p>", null, FIRST_NAME),
                        "news@brand.example",
                        null,
                        false,
                        false,
                        "[Test] "),
                tokens,
                "https://reach.example/",
                Clock.systemUTC());

        MimeMessage parsed = parse(composer.compose(send("b@example.org", null, "B")));

        assertThat(parsed.getSubject()).isEqualTo("[Test] Hi B");
        assertThat(parsed.isMimeType("text/html")).isTrue();
        assertThat(parsed.getContent()).isEqualTo("<p>Only HTML</p>");
        assertThat(parsed.getFrom()[0].toString()).isEqualTo("news@brand.example");
    }

    @Test
    void theOpenPixelGoesBeforeTheLastBodyEndInAnyCaseOrAtTheEnd() throws Exception {
        String upper = html(composer("S", "<HTML><BODY><p>a</p></Body><p>late</p></BODY></HTML>", "t"));
        assertThat(upper)
                .startsWith("<HTML><BODY><p>a</p></Body><p>late</p><img src=\"https://reach.example/api/v1/t/o/")
                .endsWith("</BODY></HTML>");
        assertThat(html(composer("S", "<p>no body element</p>", "t")))
                .startsWith("<p>no body element</p><img src=\"https://reach.example/api/v1/t/o/");
    }

    @Test
    void everyAnchorsWebLinkIsTrackedInAnyCaseAndQuoteAndNothingElseIs() throws Exception {
        String html = html(composer(
                "S",
                "<p><A\nclass=x HREF = 'https://one.example/a?x=1&amp;y=2'>1</A><abbr href=\"https://abbr.example\">"
                        + "<a_b href=\"https://word.example\"><a href=\"mailto:x@example.org\">m</a>"
                        + "<a title=\"t\" href=\"https://two.example/\">2</a><a href=\"{{unsubscribe_url}}\">u</a>"
                        + "<a href=\"https://three.example\"></p><a",
                "t"));
        String click = "https://reach.example/api/v1/t/c/";

        assertThat(html)
                .startsWith("<p><A\r\nclass=x HREF = '" + click)
                .contains("<abbr href=\"https://abbr.example\">", "<a_b href=\"https://word.example\">")
                .contains("<a href=\"mailto:x@example.org\">", "<a title=\"t\" href=\"" + click)
                .contains("<a href=\"https://reach.example/api/v1/t/u/")
                .doesNotContain("one.example", "two.example", "three.example")
                .endsWith(
                        "<a<img src=\"https://reach.example/api/v1/t/o/" + html.substring(html.lastIndexOf("/o/") + 3));
        assertThat(html.split(java.util.regex.Pattern.quote(click), -1)).hasSize(4);
        java.util.regex.Matcher token =
                java.util.regex.Pattern.compile("c/([A-Za-z0-9_-]+)'").matcher(html);
        assertThat(token.find()).isTrue();
        assertThat(tokens.open(token.group(1), TrackingTokens.Kind.CLICK)
                        .orElseThrow()
                        .url())
                .isEqualTo("https://one.example/a?x=1&y=2");
    }

    @Test
    void theBoundaryIsFoundAnywhereInABodyAndOnlyWhole() {
        byte[] body = "x=_reach_ab=_reach_abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(MailBytes.TransferEncoding.contains(body, "=_reach_abc")).isTrue();
        assertThat(MailBytes.TransferEncoding.contains(body, "=_reach_abcd")).isFalse();
        assertThat(MailBytes.TransferEncoding.contains(new byte[0], "=_b")).isFalse();
    }

    private static String html(EmailComposer composer) throws Exception {
        MimeMultipart parts = (MimeMultipart)
                parse(composer.compose(send("p@example.org", null, "P"))).getContent();
        return (String) parts.getBodyPart(1).getContent();
    }

    private EmailComposer composer(String subject, String html, String text) {
        return new EmailComposer(
                new EmailComposer.Shared(
                        TenantId.of(UUID.randomUUID()),
                        EmailContent.of(subject, html, text, FIRST_NAME),
                        "news@brand.example",
                        "Bränd & Co",
                        true,
                        true,
                        ""),
                tokens,
                "https://reach.example/",
                Clock.systemUTC());
    }

    private static QueuedSend send(String address, @Nullable String name, String firstName) {
        return new QueuedSend(Channel.EMAIL, UUID.randomUUID(), address, name, Map.of("first_name", firstName));
    }

    private static MimeMessage parse(ComposedMail mail) throws Exception {
        return new MimeMessage(PARSER, new ByteArrayInputStream(mail.bytes()));
    }

    /** Every line ends in CRLF (no bare CR or LF) and holds at most 998 characters. */
    private static void assertWireForm(byte[] bytes) {
        String wire = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(wire).endsWith("\r\n");
        for (String line : wire.substring(0, wire.length() - 2).split("\r\n", -1)) {
            assertThat(line).doesNotContain("\r").doesNotContain("\n");
            assertThat(line.length()).isLessThanOrEqualTo(998);
        }
    }
}
