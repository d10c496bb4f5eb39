package io.reach.campaigns.email;

import io.reach.platform.tenant.TenantId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs that name nothing: the send and its tenant sealed with the installation's AEAD key,
 * like a tracking token of its own kind, so a recipient or a relay reading the header learns
 * neither, and only Reach can read them back when a bounce or a provider event quotes the
 * Message-ID. Each message gets a fresh nonce, so ids are unique as RFC 5322 asks.
 */
final class MessageIds {

    private static final Pattern SEALED = Pattern.compile("<([A-Za-z0-9_-]{16,256})@[^>\\s]+>");
    /** The ids sent before they were sealed, {@code <send.tenant@domain>}: their bounces still arrive for a while. */
    private static final Pattern NAMED = Pattern.compile("<([0-9a-f-]{36})\\.([0-9a-f-]{36})@[^>]+>");

    /** The send a Message-ID stands for. */
    record Identified(TenantId tenant, UUID send) {}

    private MessageIds() {}

    static String of(TrackingTokens tokens, TenantId tenant, UUID send, String domain) {
        return "<" + tokens.seal(TrackingTokens.Kind.MESSAGE, tenant, send, null) + "@" + domain + ">";
    }

    /** The send and tenant of a Message-ID made here, or empty for any other. */
    static Optional<Identified> read(TrackingTokens tokens, String messageId) {
        String id = messageId.trim();
        Matcher sealed = SEALED.matcher(id);
        if (sealed.matches()) {
            return tokens.open(sealed.group(1), TrackingTokens.Kind.MESSAGE)
                    .map(token -> new Identified(token.tenant(), token.send()));
        }
        Matcher named = NAMED.matcher(id);
        if (!named.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Identified(TenantId.of(UUID.fromString(named.group(2))), UUID.fromString(named.group(1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
