package io.reach.identity.signin;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.IdentityProperties;
import io.reach.platform.ratelimit.RateLimitedException;
import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.ratelimit.RateLimits.Limit;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ApiException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Brute-force brakes on sign-in and password reset, each counted before the password is even
 * checked. Sign-in attempts are braked per source (an address, or an IPv6 /64), per account
 * <em>and</em> source, and per account alone with a much higher allowance: one source guessing
 * an account is stopped without keeping the account's owner out elsewhere, and guessing spread
 * over many sources trips the account brake, whose owner is mailed a link past it
 * ({@link SignInUnlocks}). Being throttled is itself a security event.
 */
@Component
class SignInThrottle {

    static final Limit MFA_PER_USER = new Limit("mfa-user", 10, Duration.ofMinutes(15));

    private final RateLimits limits;
    private final AuditTrail audit;
    private final SignInUnlocks unlocks;
    private final Limit loginPerAccountAndAddress;
    private final Limit loginPerAccount;
    private final Limit loginPerAddress;
    private final Limit resetPerAccount;
    private final Limit resetPerAddress;

    SignInThrottle(RateLimits limits, AuditTrail audit, SignInUnlocks unlocks, IdentityProperties properties) {
        this.limits = limits;
        this.audit = audit;
        this.unlocks = unlocks;
        var throttle = properties.throttle();
        this.loginPerAccountAndAddress =
                new Limit("login-account-address", throttle.loginsPerAccountAndAddress(), Duration.ofMinutes(15));
        this.loginPerAccount = new Limit("login-account", throttle.loginsPerAccount(), Duration.ofMinutes(15));
        this.loginPerAddress = new Limit("login-address", throttle.loginsPerAddress(), Duration.ofMinutes(15));
        this.resetPerAccount = new Limit("reset-account", throttle.resetsPerAccount(), Duration.ofHours(1));
        this.resetPerAddress = new Limit("reset-address", throttle.resetsPerAddress(), Duration.ofHours(1));
    }

    void login(String email, RequestOrigin origin) {
        String account = account(email);
        String source = SourceAddresses.of(origin.ipAddress());
        try {
            limits.consume(source, loginPerAddress);
            limits.consume(account + " from " + source, loginPerAccountAndAddress);
        } catch (RateLimitedException e) {
            throttled("login.throttled", email, e.retryAfterSeconds(), origin);
            throw e;
        }
        try {
            limits.consume(account, loginPerAccount);
        } catch (RateLimitedException e) {
            if (unlocks.unlocked(account, source)) {
                return;
            }
            throttled("login.account_locked", email, e.retryAfterSeconds(), origin);
            unlocks.offer(account, origin);
            throw new AccountPaused(e.retryAfterSeconds());
        }
    }

    void passwordReset(String email, RequestOrigin origin) {
        check(email, origin, resetPerAccount, resetPerAddress, "password_reset.throttled");
    }

    /** Sign-ups and verification mails: each costs a password hash or a mail, so both are braked too. */
    void mailing(String email, RequestOrigin origin) {
        check(email, origin, resetPerAccount, resetPerAddress, "mailing.throttled");
    }

    /** Guesses at second-factor codes, per user, whatever the endpoint. */
    void secondFactor(java.util.UUID userId) {
        limits.consume(userId.toString(), MFA_PER_USER);
    }

    private void check(String email, RequestOrigin origin, Limit perAccount, Limit perAddress, String event) {
        try {
            if (origin.ipAddress() != null) {
                limits.consume(SourceAddresses.of(origin.ipAddress()), perAddress);
            }
            limits.consume(account(email), perAccount);
        } catch (RateLimitedException e) {
            throttled(event, email, e.retryAfterSeconds(), origin);
            throw e;
        }
    }

    private void throttled(String event, String email, long retryAfterSeconds, RequestOrigin origin) {
        audit.record(
                TenantId.PLATFORM,
                new SecurityEvent(
                        null,
                        event,
                        Severity.MEDIUM,
                        Map.of("email", email, "retry_after_seconds", retryAfterSeconds),
                        origin));
    }

    private static String account(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The account brake tripped; said the same whether or not the account exists. */
    private static final class AccountPaused extends ApiException {
        AccountPaused(long retryAfterSeconds) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests",
                    """
                    Too many sign-in attempts for this account from many places; retry in %d seconds, or, if the \
                    account is yours, follow the link we mailed to it.""".formatted(retryAfterSeconds),
                    retryAfterSeconds);
        }
    }
}
