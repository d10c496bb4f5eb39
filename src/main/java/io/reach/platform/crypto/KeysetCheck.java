package io.reach.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import io.reach.platform.time.UtcTimes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes every node of one database use one keyset. The first node to start stores a check value
 * (a known text sealed with its keyset) in {@code platform.keyset_checks}; every start opens it,
 * and a node whose keyset cannot refuses to start, instead of failing later on each secret another
 * node sealed. After a rotation the check value is sealed again with the new primary key, so from
 * then on a node that lacks that key is refused too.
 */
@Component
class KeysetCheck {

    private static final String ID = "keyset";
    private static final byte[] KNOWN = "reach keyset check v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ASSOCIATED_DATA =
            "platform.keyset_checks.check_value:keyset".getBytes(StandardCharsets.UTF_8);
    private static final String CREATE = """
            insert into platform.keyset_checks (id, check_value, primary_key_id, created_at, sealed_at)
            values (:id, :value, :key, :now, :now) on conflict (id) do nothing""";
    private static final String LOAD = "select check_value, primary_key_id from platform.keyset_checks where id = :id";
    private static final String RESEAL = """
            update platform.keyset_checks set check_value = :value, primary_key_id = :key, sealed_at = :now
            where id = :id and primary_key_id = :previous""";

    private final JdbcClient jdbc;
    private final Clock clock;

    KeysetCheck(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Seals the check value on first start, else opens it with {@code keyset}; throws, naming
     * {@code source} and the fix, when this keyset is not the one the database was sealed with.
     */
    void confirm(KeysetHandle keyset, String source) {
        Aead aead = aead(keyset);
        long primary = keyset.getPrimary().getId();
        jdbc.sql(CREATE)
                .param("id", ID)
                .param("value", seal(aead))
                .param("key", primary)
                .param("now", UtcTimes.utc(clock.instant()))
                .update();
        Stored stored = jdbc.sql(LOAD).param("id", ID).query(Stored.class).single();
        if (!opens(aead, stored.checkValue())) {
            throw new KeysetMismatch(source);
        }
        if (stored.primaryKeyId() != primary) {
            jdbc.sql(RESEAL)
                    .param("id", ID)
                    .param("value", seal(aead))
                    .param("key", primary)
                    .param("previous", stored.primaryKeyId())
                    .param("now", UtcTimes.utc(clock.instant()))
                    .update();
        }
    }

    private static boolean opens(Aead aead, byte[] checkValue) {
        try {
            return MessageDigest.isEqual(aead.decrypt(checkValue, ASSOCIATED_DATA), KNOWN);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] seal(Aead aead) {
        try {
            return aead.encrypt(KNOWN, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal the keyset check value", e);
        }
    }

    private static Aead aead(KeysetHandle keyset) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The encryption keyset holds no usable AEAD key", e);
        }
    }

    record Stored(byte[] checkValue, long primaryKeyId) {}

    /** This node's keyset is not the database's: starting would leave it unable to read what others sealed. */
    static final class KeysetMismatch extends IllegalStateException {

        KeysetMismatch(String source) {
            super("The encryption keyset " + source + " differs from the one this database was sealed with: it cannot"
                    + " open the check value in platform.keyset_checks, so this node could not read the secrets other"
                    + " nodes stored, nor they its. Every node of one database needs the same keyset: give this node"
                    + " the keyset the other nodes use, either as REACH_CRYPTO_KEYSET (reach.crypto.keyset, the Tink"
                    + " JSON keyset) or as the keyset file (REACH_CRYPTO_KEYSET_FILE / reach.crypto.keyset-file)."
                    + " After a key rotation the keyset must hold the new primary key and keep the older ones.");
        }
    }
}
