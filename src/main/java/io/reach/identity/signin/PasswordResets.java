package io.reach.identity.signin;

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
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Forgotten passwords: a request mails a single-use token (and says the same whether or not the
 * address is known); confirming it sets the new password and ends every session of the user.
 */
@Service
class PasswordResets {

    private final UserAccounts users;
    private final UserTokens tokens;
    private final RefreshTokens refreshTokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SignInThrottle throttle;

    private final PublicUrl publicUrl;

    PasswordResets(
            PublicUrl publicUrl,
            SignInThrottle throttle,
            UserAccounts users,
            UserTokens tokens,
            RefreshTokens refreshTokens,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            Mailer mailer,
            AuditTrail audit,
            TenantTransactions transactions,
            IdentityProperties properties,
            Clock clock) {
        this.publicUrl = publicUrl;
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.policy = policy;
        this.passwords = passwords;
        this.mailer = mailer;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.throttle = throttle;
    }

    void request(String email, RequestOrigin origin) {
        throttle.passwordReset(email, origin);
        users.findByEmail(email)
                .filter(UserAccount::isActive)
                .ifPresentOrElse(
                        user -> transactions.inTransaction(() -> {
                            String token = tokens.issue(
                                    user.id(),
                                    UserTokens.Purpose.PASSWORD_RESET,
                                    properties.resetTokenTtl(),
                                    clock.instant());
                            mailer.send(user.email(), "Reset your Reach password", """
                    Someone asked to reset the password of your Reach account.

                    Choose a new password by opening this link:
                    %s/reset-password?token=%s

                    Or send this token with your new password to POST /api/v1/auth/password-reset/confirm: %s

                    The link works once and expires in %d minutes. If it was not you, ignore this mail.
                    """.formatted(
                                            publicUrl.base(),
                                            token,
                                            token,
                                            properties.resetTokenTtl().toMinutes()));
                            audit.record(
                                    TenantId.PLATFORM,
                                    new SecurityEvent(
                                            user.id(), "password_reset.requested", Severity.LOW, Map.of(), origin));
                        }),
                        () -> audit.record(
                                TenantId.PLATFORM,
                                new SecurityEvent(
                                        null, "password_reset.unknown_email", Severity.LOW, Map.of(), origin)));
    }

    void confirm(AuthRequests.ResetConfirmation confirmation, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            UUID userId = tokens.consume(confirmation.token(), UserTokens.Purpose.PASSWORD_RESET, clock.instant())
                    .orElseThrow(IdentityProblems::invalidToken);
            UserAccount user = users.findById(userId).orElseThrow(IdentityProblems::invalidToken);
            policy.problemWith(confirmation.newPassword(), user.email()).ifPresent(problem -> {
                throw new InvalidRequestException(new FieldError("new_password", problem));
            });
            users.setPasswordHash(userId, passwords.encode(confirmation.newPassword()), clock.instant());
            if (!user.emailVerified()) {
                users.markEmailVerified(userId, clock.instant());
            }
            refreshTokens.revokeAllOf(userId, clock.instant());
            audit.record(
                    TenantId.PLATFORM,
                    new SecurityEvent(userId, "password_reset.completed", Severity.MEDIUM, Map.of(), origin));
        });
    }
}
