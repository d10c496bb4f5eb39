package io.reach.campaigns.email;

import io.reach.platform.crypto.SecretBox;
import io.reach.platform.tenant.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tokens in tracking links: the tenant, the send, what the link does (open pixel, click,
 * unsubscribe) and, for a click, the destination, sealed with the installation's AEAD key; and
 * the Message-IDs of campaign mail ({@link MessageIds}).
 * A token cannot be guessed, and changing any byte (another send, another URL) makes it invalid.
 */
@Component
class TrackingTokens {

    private static final String PURPOSE = "campaigns.tracking.v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token opens; the ordinal is sealed inside, so new kinds go last. */
    enum Kind {
        OPEN,
        CLICK,
        UNSUBSCRIBE,
        MESSAGE
    }

    record Token(
            Kind kind, TenantId tenant, UUID send, @Nullable String url) {}

    private final SecretBox box;

    TrackingTokens(SecretBox box) {
        this.box = box;
    }

    String seal(Kind kind, TenantId tenant, UUID send, @Nullable String url) {
        byte[] target = url == null ? new byte[0] : url.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(1 + 32 + target.length)
                .put((byte) kind.ordinal())
                .putLong(tenant.value().getMostSignificantBits())
                .putLong(tenant.value().getLeastSignificantBits())
                .putLong(send.getMostSignificantBits())
                .putLong(send.getLeastSignificantBits())
                .put(target);
        return ENCODER.encodeToString(box.encrypt(plain.array(), PURPOSE));
    }

    /** The token's content, or empty when it is malformed or was not made here. */
    Optional<Token> open(String token, Kind expected) {
        try {
            ByteBuffer plain = ByteBuffer.wrap(box.decrypt(DECODER.decode(token), PURPOSE));
            int kind = plain.get();
            if (kind != expected.ordinal()) {
                return Optional.empty();
            }
            TenantId tenant = TenantId.of(new UUID(plain.getLong(), plain.getLong()));
            UUID send = new UUID(plain.getLong(), plain.getLong());
            byte[] url = new byte[plain.remaining()];
            plain.get(url);
            return Optional.of(new Token(
                    expected, tenant, send, url.length == 0 ? null : new String(url, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException | IllegalStateException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof GeneralSecurityException) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
