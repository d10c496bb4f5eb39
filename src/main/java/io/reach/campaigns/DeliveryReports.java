package io.reach.campaigns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 3464 delivery status notifications: the {@code message/delivery-status} part's
 * per-recipient fields (Final-Recipient, Action, Status, Diagnostic-Code) and the returned
 * message's Message-ID, as delivery events. A failed action with a 5.x.x status is a hard
 * bounce, 4.x.x a soft one; delivered and relayed actions are deliveries.
 */
final class DeliveryReports {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\r\\n]+>)");

    private DeliveryReports() {
    }

    static List<DeliveryEvent> parse(byte[] raw) {
        try {
            MimeMessage report = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            List<String> statuses = new ArrayList<>();
            List<String> originals = new ArrayList<>();
            collect(report, statuses, originals);
            String messageId = originals.stream().map(MESSAGE_ID::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst().orElse(null);
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
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("not a readable delivery status notification: " + e.getMessage(), e);
        }
    }

    private static void collect(Part part, List<String> statuses, List<String> originals)
            throws MessagingException, IOException {
        if (part.isMimeType("message/delivery-status")) {
            statuses.add(text(part.getInputStream()));
        } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
            originals.add(text(part.getInputStream()));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), statuses, originals);
            }
        }
    }

    private static @Nullable DeliveryEvent event(@Nullable String messageId, Map<String, String> fields) {
        String action = fields.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        String status = fields.getOrDefault("status", "");
        String recipient = fields.getOrDefault("final-recipient", fields.getOrDefault("original-recipient", ""));
        recipient = recipient.contains(";") ? recipient.substring(recipient.indexOf(';') + 1).trim() : recipient.trim();
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

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
