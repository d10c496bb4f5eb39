package io.reach.identity.signin;

import io.reach.identity.TokenDigests;
import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Identities at OpenID Connect providers ({@code identity.external_identities}), one per
 * provider and subject, and the links still waiting for their user's consent
 * ({@code identity.identity_link_requests}, single-use tokens stored as SHA-256).
 */
@Repository
class ExternalIdentities {

    private static final String USER_OF =
            "select user_id from identity.external_identities where provider = :provider and subject = :subject";
    private static final String LINK = """
            insert into identity.external_identities (provider, subject, user_id, linked_at)
            values (:provider, :subject, :userId, :now) on conflict (provider, subject) do nothing""";
    private static final String REQUEST = """
            insert into identity.identity_link_requests (id, user_id, provider, subject, token_hash, expires_at, created_at)
            values (:id, :userId, :provider, :subject, :hash, :expiresAt, :now)""";
    private static final String WITHDRAW_OPEN = """
            update identity.identity_link_requests set used_at = :now
            where user_id = :userId and provider = :provider and used_at is null
              and (subject = :subject or (subject is null and cast(:subject as text) is null))""";
    private static final String CONSUME_MAILED = """
            update identity.identity_link_requests set used_at = :now
            where token_hash = :hash and subject is not null and used_at is null and expires_at > :now
            returning user_id, provider, subject""";
    private static final String CONSUME_STARTED = """
            update identity.identity_link_requests set used_at = :now
            where token_hash = :hash and provider = :provider and subject is null and used_at is null and expires_at > :now
            returning user_id""";

    private final JdbcClient jdbc;
    private final Ids ids;

    ExternalIdentities(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** A provider's identity and the user it may sign in as. */
    record Link(UUID userId, String provider, String subject) {}

    Optional<UUID> userOf(String provider, String subject) {
        return jdbc.sql(USER_OF)
                .param("provider", provider)
                .param("subject", subject)
                .query(UUID.class)
                .optional();
    }

    /** Links the identity to {@code userId} unless it already is linked (to them or anyone else). */
    void link(Link link, Instant now) {
        jdbc.sql(LINK)
                .param("provider", link.provider())
                .param("subject", link.subject())
                .param("userId", link.userId())
                .param("now", UtcTimes.utc(now))
                .update();
    }

    /**
     * A token for {@code userId} to consent with: for a known {@code subject} (mailed), or for
     * whichever identity they bring back from {@code provider} (started while signed in).
     * Earlier open requests for the same identity stop working.
     */
    String request(UUID userId, String provider, @Nullable String subject, Duration ttl, Instant now) {
        jdbc.sql(WITHDRAW_OPEN)
                .param("userId", userId)
                .param("provider", provider)
                .param("subject", subject)
                .param("now", UtcTimes.utc(now))
                .update();
        String token = TokenDigests.newToken();
        jdbc.sql(REQUEST)
                .param("id", ids.next())
                .param("userId", userId)
                .param("provider", provider)
                .param("subject", subject)
                .param("hash", TokenDigests.hash(token))
                .param("expiresAt", UtcTimes.utc(now.plus(ttl)))
                .param("now", UtcTimes.utc(now))
                .update();
        return token;
    }

    /** The link a mailed token confirms; the token is used up. */
    Optional<Link> consumeMailed(String token, Instant now) {
        return jdbc.sql(CONSUME_MAILED)
                .param("hash", TokenDigests.hash(token))
                .param("now", UtcTimes.utc(now))
                .query(Link.class)
                .optional();
    }

    /** The user who started a link to {@code provider} with this token; the token is used up. */
    Optional<UUID> consumeStarted(String token, String provider, Instant now) {
        return jdbc.sql(CONSUME_STARTED)
                .param("hash", TokenDigests.hash(token))
                .param("provider", provider)
                .param("now", UtcTimes.utc(now))
                .query(UUID.class)
                .optional();
    }
}
