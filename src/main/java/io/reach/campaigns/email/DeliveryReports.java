package io.reach.campaigns.email;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 3464 delivery status notifications: the {@code message/delivery-status} part's
 * per-recipient fields (Final-Recipient, Action, Status, Diagnostic-Code) and the returned
 * message's Message-ID, as delivery events. A failed action with a 5.x.x status is a hard
 * bounce, 4.x.x a soft one; delivered and relayed actions are deliveries.
 */
final class DeliveryReports {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\r\\n]+>)");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final int MAX_DEPTH = 4;

    private DeliveryReports() {}

    /** A report's MIME body posted with its {@code multipart/report} type as the HTTP content type, as a whole message. */
    static byte[] withContentType(String contentType, byte[] body) {
        byte[] head = ("MIME-Version: 1.0\r\nContent-Type: " + contentType.replaceAll("[\\r\\n]+", " ") + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        return message;
    }

    /** The report's events; {@link IllegalArgumentException} when it is not a readable report. */
    static List<DeliveryEvent> parse(byte[] raw) {
        try {
            MimeMessage report = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            List<String> statuses = new ArrayList<>();
            List<String> originals = new ArrayList<>();
            collect(report, statuses, originals, 0);
            String messageId = originals.stream()
                    .map(MESSAGE_ID::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse(null);
            List<DeliveryEvent> events = new ArrayList<>();
            for (String status : statuses) {
                List<Map<String, String>> groups = groups(status);
                for (Map<String, String> recipient : groups.subList(Math.min(1, groups.size()), groups.size())) {
                    DeliveryEvent event = event(messageId, recipient);
                    if (event != null) {
                        events.add(event);
                    }
                }
            }
            return events;
        } catch (MessagingException | IOException | RuntimeException e) {
            // the MIME parser meets hostile input here: whatever it throws means the report is unreadable
            throw new IllegalArgumentException("not a readable delivery status notification: " + e.getMessage(), e);
        }
    }

    private static void collect(Part part, List<String> statuses, List<String> originals, int depth)
            throws MessagingException, IOException {
        if (part.isMimeType("message/delivery-status")) {
            statuses.add(text(part.getInputStream()));
        } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
            originals.add(text(part.getInputStream()));
        } else if (part.isMimeType("multipart/*")) {
            // a report is a multipart/report, perhaps inside one forwarding multipart; deeper nesting is an attack on
            // the parser's stack
            if (depth >= MAX_DEPTH) {
                throw new IllegalArgumentException("multiparts nested more than " + MAX_DEPTH + " deep");
            }
            Multipart multipart = new StrictMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), statuses, originals, depth + 1);
            }
        }
    }

    /** A multipart that must be whole: with its boundary parameter and its closing delimiter (a cut-off report is refused). */
    private static final class StrictMultipart extends MimeMultipart {

        StrictMultipart(DataSource source) throws MessagingException {
            super(source);
        }

        @Override
        protected void initializeProperties() {
            super.initializeProperties();
            ignoreMissingEndBoundary = false;
            ignoreMissingBoundaryParameter = false;
        }
    }

    private static @Nullable DeliveryEvent event(@Nullable String messageId, Map<String, String> fields) {
        String action = fields.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        String status = fields.getOrDefault("status", "");
        String recipient = fields.getOrDefault("final-recipient", fields.getOrDefault("original-recipient", ""));
        recipient = recipient.contains(";")
                ? recipient.substring(recipient.indexOf(';') + 1).trim()
                : recipient.trim();
        String diagnostic = fields.get("diagnostic-code");
        String reason = status + (diagnostic == null ? "" : " " + diagnostic);
        if (action.equals("delivered") || action.equals("relayed") || action.equals("expanded")) {
            return new DeliveryEvent(DeliveryEvent.Type.DELIVERED, messageId, recipient, null, null, null);
        }
        if (action.equals("failed") || action.equals("delayed")) {
            String kind = status.startsWith("5") && action.equals("failed") ? "hard" : "soft";
            return new DeliveryEvent(DeliveryEvent.Type.BOUNCED, messageId, recipient, kind, reason.trim(), null);
        }
        return null;
    }

    /** The field groups of a delivery-status body: the per-message group, then one per recipient. */
    private static List<Map<String, String>> groups(String body) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String last = null;
        for (String line : body.split("\\r?\\n")) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    current = new LinkedHashMap<>();
                }
                last = null;
            } else if (Character.isWhitespace(line.charAt(0)) && last != null) {
                current.put(last, current.get(last) + " " + line.trim());
            } else if (line.indexOf(':') > 0) {
                last = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                current.put(last, line.substring(line.indexOf(':') + 1).trim());
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /**
     * A part's text: UTF-8 when it is, else ISO-8859-1 (reports of older MTAs quote 8-bit replies in
     * Latin-1), without the control characters PostgreSQL cannot store or a reason should not hold.
     */
    private static String text(InputStream in) throws IOException {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return CONTROL.matcher(text).replaceAll("");
    }
}
