package io.reach.platform.crypto;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tokens for links that must carry their own proof (a confirmation link, a preference page, a
 * hosted form): the bytes sealed with the installation's AEAD key for one purpose, URL-safe Base64.
 * A token cannot be forged or changed, and one made for one purpose does not open for another.
 */
@Component
public class SealedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretBox box;

    SealedTokens(SecretBox box) {
        this.box = box;
    }

    public String seal(byte[] content, String purpose) {
        return ENCODER.encodeToString(box.encrypt(content, purpose));
    }

    /** A shared link's subject: the workspace and the link's id. */
    public record LinkToken(java.util.UUID tenant, java.util.UUID id) {}

    /** A token naming a workspace's link (a report shared with a sponsor), for one purpose. */
    public String sealLink(java.util.UUID tenant, java.util.UUID id, String purpose) {
        return seal(
                ByteBuffer.allocate(32)
                        .putLong(tenant.getMostSignificantBits())
                        .putLong(tenant.getLeastSignificantBits())
                        .putLong(id.getMostSignificantBits())
                        .putLong(id.getLeastSignificantBits())
                        .array(),
                purpose);
    }

    /** The workspace and link a token sealed by {@link #sealLink} names; empty when it is not such a token. */
    public Optional<LinkToken> openLink(String token, String purpose) {
        return open(token, purpose)
                .filter(bytes -> bytes.remaining() == 32)
                .map(bytes -> new LinkToken(
                        new java.util.UUID(bytes.getLong(), bytes.getLong()),
                        new java.util.UUID(bytes.getLong(), bytes.getLong())));
    }

    /** The content of a token sealed here for {@code purpose}; empty when it is malformed, changed or not ours. */
    public Optional<ByteBuffer> open(String token, String purpose) {
        if (token.length() > 2048) {
            return Optional.empty();
        }
        try {
            return Optional.of(ByteBuffer.wrap(box.decrypt(DECODER.decode(token), purpose)));
        } catch (IllegalArgumentException | BufferUnderflowException | IllegalStateException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof GeneralSecurityException) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
