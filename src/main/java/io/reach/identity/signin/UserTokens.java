package io.reach.identity.signin;

import io.reach.identity.TokenDigests;
import io.reach.platform.CheckSet;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use, expiring tokens sent by e-mail (verification, password reset, sign-in unlock). */
@Repository
class UserTokens {

    @CheckSet(table = "identity.user_tokens", column = "purpose")
    enum Purpose {
        EMAIL_VERIFICATION,
        PASSWORD_RESET,
        SIGN_IN_UNLOCK;

        String code() {
            return name().toLowerCase();
        }
    }

    private static final String INSERT = """
            insert into identity.user_tokens (id, user_id, purpose, token_hash, expires_at, created_at)
            values (:id, :userId, :purpose, :hash, :expiresAt, :now)""";
    private static final String CONSUME = """
            update identity.user_tokens set used_at = :now
            where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
            returning user_id""";
    private static final String HAS_OPEN = """
            select exists (select 1 from identity.user_tokens
                           where user_id = :userId and purpose = :purpose and used_at is null and expires_at > :now)""";
    private static final String INVALIDATE_OPEN = """
            update identity.user_tokens set used_at = :now where user_id = :userId and purpose = :purpose and used_at is null""";

    private final JdbcClient jdbc;
    private final Ids ids;

    UserTokens(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** A new token for {@code userId}; earlier open tokens of the same purpose stop working. */
    String issue(UUID userId, Purpose purpose, Duration ttl, Instant now) {
        jdbc.sql(INVALIDATE_OPEN)
                .param("userId", userId)
                .param("purpose", purpose.code())
                .param("now", UtcTimes.utc(now))
                .update();
        String token = TokenDigests.newToken();
        jdbc.sql(INSERT)
                .param("id", ids.next())
                .param("userId", userId)
                .param("purpose", purpose.code())
                .param("hash", TokenDigests.hash(token))
                .param("expiresAt", UtcTimes.utc(now.plus(ttl)))
                .param("now", UtcTimes.utc(now))
                .update();
        return token;
    }

    /** Whether {@code userId} holds a token of this purpose that still works. */
    boolean hasOpen(UUID userId, Purpose purpose, Instant now) {
        return Boolean.TRUE.equals(jdbc.sql(HAS_OPEN)
                .param("userId", userId)
                .param("purpose", purpose.code())
                .param("now", UtcTimes.utc(now))
                .query(Boolean.class)
                .single());
    }

    /** The user a valid, unused, unexpired token belongs to; the token is used up. */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        return jdbc.sql(CONSUME)
                .param("hash", TokenDigests.hash(token))
                .param("purpose", purpose.code())
                .param("now", UtcTimes.utc(now))
                .query(UUID.class)
                .optional();
    }
}
