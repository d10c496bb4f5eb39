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
