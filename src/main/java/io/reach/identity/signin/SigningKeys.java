package io.reach.identity.signin;

import io.reach.identity.IdentityProperties;
import io.reach.platform.crypto.SecretBox;
import io.reach.platform.time.UtcTimes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key that signs access tokens: {@code reach.identity.jwt-secret} when set,
 * otherwise one generated on first start and kept, encrypted with the {@link SecretBox} keyset,
 * in {@code identity.signing_keys} so every node signs and checks with the same key (a database
 * dump alone cannot forge tokens).
 */
@Component
class SigningKeys {

    private static final String KEY_ID = "access-token";
    private static final String ASSOCIATED_DATA = "identity.signing_keys.secret:" + KEY_ID;
    private static final String CREATE = """
            insert into identity.signing_keys (id, secret, created_at) values (:id, :secret, :now)
            on conflict (id) do nothing""";
    private static final String LOAD = "select secret from identity.signing_keys where id = :id";

    private final SecretKey key;

    SigningKeys(IdentityProperties properties, JdbcClient jdbc, Clock clock, SecretBox box) {
        this.key = new SecretKeySpec(secret(properties, jdbc, clock, box), "HmacSHA256");
    }

    SecretKey accessTokenKey() {
        return key;
    }

    private static byte[] secret(IdentityProperties properties, JdbcClient jdbc, Clock clock, SecretBox box) {
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.jwtSecret());
            if (configured.length < 32) {
                throw new IllegalStateException("reach.identity.jwt-secret must be at least 32 bytes (base64)");
            }
            return configured;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql(CREATE)
                .param("id", KEY_ID)
                .param("secret", box.encrypt(fresh, ASSOCIATED_DATA))
                .param("now", UtcTimes.utc(clock.instant()))
                .update();
        return box.decrypt(
                jdbc.sql(LOAD).param("id", KEY_ID).query(byte[].class).single(), ASSOCIATED_DATA);
    }
}
