package io.reach.identity.signin;

import io.reach.identity.TokenDigests;
import io.reach.platform.crypto.SecretBox;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** TOTP factors, recovery codes and sign-in challenges; secrets only ever stored encrypted or hashed. */
@Repository
class MfaFactors {

    private static final String UPSERT_FACTOR = """
            insert into identity.mfa_factors (user_id, secret_ciphertext, created_at) values (:userId, :secret, :now)
            on conflict (user_id) do update set secret_ciphertext = excluded.secret_ciphertext, confirmed_at = null,
                last_used_step = null, created_at = excluded.created_at""";
    private static final String FIND_FACTOR = """
            select secret_ciphertext, confirmed_at is not null as confirmed, last_used_step
            from identity.mfa_factors where user_id = :userId""";
    private static final String USE_STEP = """
            update identity.mfa_factors set last_used_step = :step
            where user_id = :userId and (last_used_step is null or last_used_step < :step)""";
    private static final String CONFIRM = "update identity.mfa_factors set confirmed_at = :now where user_id = :userId";
    private static final String DELETE_FACTOR = "delete from identity.mfa_factors where user_id = :userId";
    private static final String SET_ENABLED = """
            update identity.users set mfa_enabled = :enabled, updated_at = :now, version = version + 1 where id = :userId""";
    private static final String DELETE_CODES = "delete from identity.mfa_recovery_codes where user_id = :userId";
    private static final String INSERT_CODE = """
            insert into identity.mfa_recovery_codes (id, user_id, code_hash, created_at) values (:id, :userId, :hash, :now)""";
    private static final String USE_CODE = """
            update identity.mfa_recovery_codes set used_at = :now
            where user_id = :userId and code_hash = :hash and used_at is null""";
    private static final String INSERT_CHALLENGE = """
            insert into identity.mfa_challenges (id, user_id, tenant_id, challenge_hash, expires_at, created_at)
            values (:id, :userId, :tenantId, :hash, :expiresAt, :now)""";
    private static final String ATTEMPT_CHALLENGE = """
            update identity.mfa_challenges set attempts = attempts + 1
            where challenge_hash = :hash and completed_at is null and expires_at > :now and attempts < :maxAttempts
            returning user_id, tenant_id""";
    private static final String COMPLETE_CHALLENGE = """
            update identity.mfa_challenges set completed_at = :now where challenge_hash = :hash and completed_at is null""";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Ids ids;

    MfaFactors(JdbcClient jdbc, SecretBox box, Ids ids) {
        this.jdbc = jdbc;
        this.box = box;
        this.ids = ids;
    }

    record Factor(
            byte[] secret, boolean confirmed, @Nullable Long lastUsedStep) {}

    record Challenge(UUID userId, UUID tenantId) {}

    void saveUnconfirmed(UUID userId, byte[] secret, Instant now) {
        jdbc.sql(UPSERT_FACTOR)
                .param("userId", userId)
                .param("secret", box.encrypt(secret, associatedData(userId)))
                .param("now", UtcTimes.utc(now))
                .update();
    }

    Optional<Factor> find(UUID userId) {
        return jdbc.sql(FIND_FACTOR)
                .param("userId", userId)
                .query((rs, row) -> new Factor(
                        box.decrypt(rs.getBytes("secret_ciphertext"), associatedData(userId)),
                        rs.getBoolean("confirmed"),
                        rs.getObject("last_used_step", Long.class)))
                .optional();
    }

    /** Records that the code of {@code step} was used; false if it (or a later one) already was. */
    boolean useStep(UUID userId, long step) {
        return jdbc.sql(USE_STEP).param("userId", userId).param("step", step).update() == 1;
    }

    void confirm(UUID userId, Instant now) {
        jdbc.sql(CONFIRM)
                .param("userId", userId)
                .param("now", UtcTimes.utc(now))
                .update();
        jdbc.sql(SET_ENABLED)
                .param("userId", userId)
                .param("enabled", true)
                .param("now", UtcTimes.utc(now))
                .update();
    }

    void remove(UUID userId, Instant now) {
        jdbc.sql(DELETE_FACTOR).param("userId", userId).update();
        jdbc.sql(DELETE_CODES).param("userId", userId).update();
        jdbc.sql(SET_ENABLED)
                .param("userId", userId)
                .param("enabled", false)
                .param("now", UtcTimes.utc(now))
                .update();
    }

    void replaceRecoveryCodes(UUID userId, List<String> codes, Instant now) {
        jdbc.sql(DELETE_CODES).param("userId", userId).update();
        for (String code : codes) {
            jdbc.sql(INSERT_CODE)
                    .param("id", ids.next())
                    .param("userId", userId)
                    .param("hash", TokenDigests.hash(code))
                    .param("now", UtcTimes.utc(now))
                    .update();
        }
    }

    boolean useRecoveryCode(UUID userId, String code, Instant now) {
        return jdbc.sql(USE_CODE)
                        .param("userId", userId)
                        .param("hash", TokenDigests.hash(code.strip()))
                        .param("now", UtcTimes.utc(now))
                        .update()
                == 1;
    }

    String openChallenge(UUID userId, UUID tenantId, Instant now, java.time.Duration ttl) {
        String token = TokenDigests.newToken();
        jdbc.sql(INSERT_CHALLENGE)
                .param("id", ids.next())
                .param("userId", userId)
                .param("tenantId", tenantId)
                .param("hash", TokenDigests.hash(token))
                .param("expiresAt", UtcTimes.utc(now.plus(ttl)))
                .param("now", UtcTimes.utc(now))
                .update();
        return token;
    }

    /** Counts an attempt at a live challenge; empty when it is unknown, expired, completed or out of attempts. */
    Optional<Challenge> attempt(String token, Instant now, int maxAttempts) {
        return jdbc.sql(ATTEMPT_CHALLENGE)
                .param("hash", TokenDigests.hash(token))
                .param("now", UtcTimes.utc(now))
                .param("maxAttempts", maxAttempts)
                .query(Challenge.class)
                .optional();
    }

    void complete(String token, Instant now) {
        jdbc.sql(COMPLETE_CHALLENGE)
                .param("hash", TokenDigests.hash(token))
                .param("now", UtcTimes.utc(now))
                .update();
    }

    private static String associatedData(UUID userId) {
        return "identity.mfa_factors.secret:" + userId;
    }
}
