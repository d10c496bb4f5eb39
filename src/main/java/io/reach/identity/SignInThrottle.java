package io.reach.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.platform.ratelimit.RateLimitedException;
import io.reach.platform.ratelimit.RateLimits;
import io.reach.platform.ratelimit.RateLimits.Limit;
import io.reach.platform.tenant.TenantId;

/**
 * Brute-force brakes on sign-in and password reset: attempts per account and per address, each
 * counted before the password is even checked. Being throttled is itself a security event.
 */
@Component
class SignInThrottle {

    static final Limit MFA_PER_USER = new Limit("mfa-user", 10, Duration.ofMinutes(15));

    private final RateLimits limits;
    private final AuditTrail audit;
    private final Limit loginPerAccount;
    private final Limit loginPerAddress;
    private final Limit resetPerAccount;
    private final Limit resetPerAddress;

    SignInThrottle(RateLimits limits, AuditTrail audit, IdentityProperties properties) {
        this.limits = limits;
        this.audit = audit;
        var throttle = properties.throttle();
        this.loginPerAccount = new Limit("login-account", throttle.loginsPerAccount(), Duration.ofMinutes(15));
        this.loginPerAddress = new Limit("login-address", throttle.loginsPerAddress(), Duration.ofMinutes(15));
        this.resetPerAccount = new Limit("reset-account", throttle.resetsPerAccount(), Duration.ofHours(1));
        this.resetPerAddress = new Limit("reset-address", throttle.resetsPerAddress(), Duration.ofHours(1));
    }

    void login(String email, RequestOrigin origin) {
        check(email, origin, loginPerAccount, loginPerAddress, "login.throttled");
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
                limits.consume(origin.ipAddress(), perAddress);
            }
            limits.consume(email.strip().toLowerCase(Locale.ROOT), perAccount);
        } catch (RateLimitedException e) {
            audit.record(TenantId.PLATFORM, new SecurityEvent(null, event, Severity.MEDIUM,
                    Map.of("email", email, "retry_after_seconds", e.retryAfterSeconds()), origin));
            throw e;
        }
    }
}
