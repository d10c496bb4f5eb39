package io.reach.identity.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.IdentityProperties;
import io.reach.identity.UserAccount;
import io.reach.platform.mail.Mailer;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.time.UtcTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The way out of the per-account sign-in brake (OWASP: lock-out with an e-mailed unlock). When
 * the brake trips, the account's owner is mailed a single-use link, at most one working link at a
 * time; following it lets the source that followed it (an address, an IPv6 /64) past that brake for
 * a day. Guessers elsewhere stay braked, and every other brake still applies to the owner too.
 */
@Service
class SignInUnlocks {

    static final Duration TOKEN_TTL = Duration.ofHours(1);
    static final Duration UNLOCKED_FOR = Duration.ofDays(1);

    private static final String UNLOCKED = """
            select exists (select 1 from identity.sign_in_unlocks s join identity.users u on u.id = s.user_id
                           where lower(u.email) = lower(:email) and s.source = :source and s.unlocked_until > :now)""";
    private static final String UNLOCK = """
            insert into identity.sign_in_unlocks (user_id, source, unlocked_until, created_at)
            values (:userId, :source, :until, :now)
            on conflict (user_id, source) do update set unlocked_until = excluded.unlocked_until""";

    private final UserAccounts users;
    private final UserTokens tokens;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Accounts this node already offered a link for lately: a locked account is asked about once, not per guess. */
    private final Cache<String, Boolean> offered = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();

    private final PublicUrl publicUrl;

    SignInUnlocks(
            PublicUrl publicUrl,
            UserAccounts users,
            UserTokens tokens,
            Mailer mailer,
            AuditTrail audit,
            TenantTransactions transactions,
            IdentityProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.publicUrl = publicUrl;
        this.users = users;
        this.tokens = tokens;
        this.mailer = mailer;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the owner of {@code email} unlocked the brake for {@code source}. */
    boolean unlocked(String email, String source) {
        return Boolean.TRUE.equals(jdbc.sql(UNLOCKED)
                .param("email", email)
                .param("source", source)
                .param("now", UtcTimes.utc(clock.instant()))
                .query(Boolean.class)
                .single());
    }

    /** The brake on {@code email} tripped: mail its owner (if there is one) a link, unless one still works. */
    void offer(String email, RequestOrigin origin) {
        if (offered.asMap().putIfAbsent(email, true) != null) {
            return;
        }
        users.findByEmail(email)
                .filter(UserAccount::isActive)
                .ifPresent(user -> transactions.inTransaction(() -> {
                    Instant now = clock.instant();
                    if (tokens.hasOpen(user.id(), UserTokens.Purpose.SIGN_IN_UNLOCK, now)) {
                        return;
                    }
                    String token = tokens.issue(user.id(), UserTokens.Purpose.SIGN_IN_UNLOCK, TOKEN_TTL, now);
                    mailer.send(user.email(), "Sign-ins to your Reach account are paused", """
                    Many wrong passwords were tried for your Reach account from many places, so signing in is paused.

                    To sign in anyway, open this link on the device you sign in from:
                    %s/unlock?token=%s

                    Or send this token to POST /api/v1/auth/unlock from it: %s

                    The link works once and expires in %d minutes. It unlocks signing in only where you open it;
                    elsewhere the pause ends by itself. If you did not try to sign in, consider a stronger password.
                    """.formatted(
                                    publicUrl.base(), token, token, TOKEN_TTL.toMinutes()));
                    audit.record(
                            TenantId.PLATFORM,
                            new SecurityEvent(user.id(), "login.unlock_offered", Severity.HIGH, Map.of(), origin));
                }));
    }

    /** The owner followed the link: the source they followed it from may sign in past the account brake. */
    void unlock(String token, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            UUID userId = tokens.consume(token, UserTokens.Purpose.SIGN_IN_UNLOCK, now)
                    .orElseThrow(IdentityProblems::invalidToken);
            jdbc.sql(UNLOCK)
                    .param("userId", userId)
                    .param("source", SourceAddresses.of(origin.ipAddress()))
                    .param("until", UtcTimes.utc(now.plus(UNLOCKED_FOR)))
                    .param("now", UtcTimes.utc(now))
                    .update();
            audit.record(
                    TenantId.PLATFORM, new SecurityEvent(userId, "login.unlocked", Severity.MEDIUM, Map.of(), origin));
        });
    }
}
