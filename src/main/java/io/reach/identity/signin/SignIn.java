package io.reach.identity.signin;

import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.IdentityProperties;
import io.reach.identity.Membership;
import io.reach.identity.UserAccount;
import io.reach.identity.UserPrincipal;
import io.reach.identity.signin.RefreshTokens.Rotation;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Signing in, refreshing, switching tenant and signing out. Every failure is a security event;
 * failures that precede a tenant are recorded in the platform's scope.
 */
@Service
class SignIn {

    /** Compared against when the e-mail is unknown, so a wrong address costs as long as a wrong password. */
    private final String decoyHash;

    private final UserAccounts users;
    private final WorkspaceMemberships memberships;
    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final MultiFactor multiFactor;
    private final UserMetrics profile;

    SignIn(
            SignInThrottle throttle,
            MultiFactor multiFactor,
            UserMetrics profile,
            UserAccounts users,
            WorkspaceMemberships memberships,
            RefreshTokens refreshTokens,
            Sessions sessions,
            PasswordEncoder passwords,
            AuditTrail audit,
            TenantTransactions transactions,
            IdentityProperties properties,
            Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.throttle = throttle;
        this.multiFactor = multiFactor;
        this.profile = profile;
        this.decoyHash = passwords.encode("decoy password that matches nothing");
    }

    /** What a correct password gets: tokens, or (with MFA on) a challenge to complete with a code. */
    sealed interface LoginOutcome permits SessionTokens, MfaRequired {}

    record MfaRequired(boolean mfaRequired, String mfaToken, long expiresIn) implements LoginOutcome {}

    LoginOutcome login(AuthRequests.LoginRequest request, RequestOrigin origin) {
        throttle.login(request.email(), origin);
        Optional<UserAccount> found = users.findByEmail(request.email());
        String hash = found.map(UserAccount::passwordHash).orElse(null);
        boolean matches = passwords.matches(request.password(), hash == null ? decoyHash : hash) && hash != null;
        if (!matches) {
            failure(
                    found.map(UserAccount::id).orElse(null),
                    "login.failed",
                    Severity.LOW,
                    Map.of("reason", found.isEmpty() ? "unknown_email" : "wrong_password"),
                    origin);
            throw IdentityProblems.badCredentials();
        }
        return proceed(found.get(), request.tenantId(), origin, request.password());
    }

    /**
     * Continues a sign-in whose first factor has been checked (a password here, or an identity
     * provider): account state, e-mail verification, tenant, then MFA or tokens.
     */
    LoginOutcome proceed(
            UserAccount user, @Nullable UUID wantedTenant, RequestOrigin origin, @Nullable String password) {
        if (!user.isActive()) {
            failure(user.id(), "login.refused", Severity.MEDIUM, Map.of("reason", "account_" + user.status()), origin);
            throw IdentityProblems.accountNotActive(user.status());
        }
        if (properties.requireVerifiedEmail() && !user.emailVerified()) {
            failure(user.id(), "login.refused", Severity.LOW, Map.of("reason", "email_not_verified"), origin);
            throw IdentityProblems.emailNotVerified();
        }
        List<Membership> all = memberships.ofUser(user.id()).stream()
                .filter(Membership::isActive)
                .toList();
        if (all.isEmpty()) {
            throw IdentityProblems.noTenant();
        }
        Membership membership = wantedTenant == null ? all.getFirst() : Sessions.choose(all, wantedTenant);
        if (password != null) {
            transactions.inTransaction(() -> {
                upgradeHashIfNeeded(user, password);
            });
        }
        if (user.mfaEnabled()) {
            return new MfaRequired(
                    true,
                    multiFactor.openChallenge(user.id(), membership.tenantId()),
                    MultiFactor.CHALLENGE_TTL.toSeconds());
        }
        return signedIn(user, membership, origin);
    }

    /** The second step: a TOTP or recovery code completes the challenge and starts the session. */
    SessionTokens completeMfa(AuthRequests.MfaVerification verification, RequestOrigin origin) {
        MfaFactors.Challenge challenge =
                multiFactor.complete(verification.mfaToken(), verification.code(), verification.recoveryCode(), origin);
        UserAccount user = users.findById(challenge.userId())
                .filter(UserAccount::isActive)
                .orElseThrow(IdentityProblems::badCredentials);
        Membership membership = memberships
                .ofUserIn(user.id(), challenge.tenantId())
                .filter(Membership::isActive)
                .orElseThrow(IdentityProblems::noTenant);
        return signedIn(user, membership, origin);
    }

    private SessionTokens signedIn(UserAccount user, Membership membership, RequestOrigin origin) {
        return TenantContext.callAsUser(
                user.id(),
                () -> transactions.inTransaction(() -> {
                    profile.addToMetric(user.id(), "logins", 1, null, clock.instant());
                    users.recordLogin(user.id(), clock.instant());
                    audit.record(
                            TenantId.of(membership.tenantId()),
                            new SecurityEvent(user.id(), "login.succeeded", Severity.INFO, Map.of(), origin));
                    return sessions.start(user, membership);
                }));
    }

    SessionTokens refresh(String refreshToken, RequestOrigin origin) {
        Rotation rotation = transactions.inTransaction(
                () -> refreshTokens.rotate(refreshToken, clock.instant(), properties.refreshTokenTtl()));
        return switch (rotation) {
            case Rotation.Invalid invalid -> throw IdentityProblems.invalidRefreshToken();
            case Rotation.Reused reused -> {
                audit.record(
                        TenantId.of(reused.tenantId()),
                        new SecurityEvent(
                                reused.userId(),
                                "refresh_token.reused",
                                Severity.HIGH,
                                Map.of("family", reused.family().toString()),
                                origin));
                throw IdentityProblems.invalidRefreshToken();
            }
            case Rotation.Rotated rotated -> {
                UserAccount user = users.findById(rotated.userId())
                        .filter(UserAccount::isActive)
                        .orElseThrow(IdentityProblems::invalidRefreshToken);
                Membership membership = memberships
                        .ofUserIn(user.id(), rotated.tenantId())
                        .filter(Membership::isActive)
                        .orElseThrow(IdentityProblems::invalidRefreshToken);
                yield sessions.continueWith(user, membership, rotated.token());
            }
        };
    }

    SessionTokens switchTenant(UserPrincipal principal, UUID tenantId, RequestOrigin origin) {
        UserAccount user = users.findById(principal.userId())
                .filter(UserAccount::isActive)
                .orElseThrow(IdentityProblems::badCredentials);
        Membership membership = Sessions.choose(
                memberships.ofUser(user.id()).stream()
                        .filter(Membership::isActive)
                        .toList(),
                tenantId);
        audit.record(
                TenantId.of(tenantId),
                new SecurityEvent(
                        user.id(),
                        "tenant.switched",
                        Severity.INFO,
                        Map.of("from", principal.tenantId().toString()),
                        origin));
        return transactions.inTransaction(() -> sessions.start(user, membership));
    }

    /** Ends the session the refresh token belongs to (its whole family); unknown tokens are ignored. */
    void logout(String refreshToken) {
        transactions.inTransaction(() -> {
            refreshTokens
                    .find(refreshToken)
                    .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
        });
    }

    private void upgradeHashIfNeeded(UserAccount user, String password) {
        if (user.passwordHash() != null && passwords.upgradeEncoding(user.passwordHash())) {
            users.setPasswordHash(user.id(), passwords.encode(password), clock.instant());
        }
    }

    private void failure(
            @Nullable UUID userId, String type, Severity severity, Map<String, ?> details, RequestOrigin origin) {
        audit.record(TenantId.PLATFORM, new SecurityEvent(userId, type, severity, details, origin));
    }
}
