package io.reach.identity.signin;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.UserAccount;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * TOTP second factors: enrol (a secret and an otpauth URI), confirm with a first code (which
 * turns MFA on and hands out ten recovery codes), disable with a code, and the second step of
 * sign-in, which a TOTP code or an unused recovery code completes (five tries per challenge, ten
 * guesses per user per 15 minutes overall). Turning MFA on or off ends the user's sessions.
 */
@Service
class MultiFactor {

    static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MfaFactors factors;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final RefreshTokens refreshTokens;

    MultiFactor(
            SignInThrottle throttle,
            RefreshTokens refreshTokens,
            MfaFactors factors,
            UserAccounts users,
            AuditTrail audit,
            TenantTransactions transactions,
            Clock clock) {
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.factors = factors;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Enrolment(String secret, String otpauthUri) {}

    record Confirmation(boolean mfaEnabled, List<String> recoveryCodes) {}

    /** Whether the person's second factor is on (confirmed). */
    boolean enabled(UserPrincipal principal) {
        return users.findById(principal.userId()).map(UserAccount::mfaEnabled).orElse(false);
    }

    Enrolment enrol(UserPrincipal principal) {
        UserAccount user = users.findById(principal.userId()).orElseThrow(IdentityProblems::badCredentials);
        if (user.mfaEnabled()) {
            throw new MfaProblem(HttpStatus.CONFLICT, "MFA already enabled", "Disable it before enrolling again");
        }
        byte[] secret = Totp.newSecret();
        transactions.inTransaction(() -> {
            factors.saveUnconfirmed(user.id(), secret, clock.instant());
        });
        return new Enrolment(Totp.base32(secret), Totp.otpauthUri(secret, user.email(), "Reach"));
    }

    Confirmation confirm(UserPrincipal principal, String code, RequestOrigin origin) {
        throttle.secondFactor(principal.userId());
        return transactions.inTransaction(() -> {
            MfaFactors.Factor factor = factors.find(principal.userId())
                    .filter(f -> !f.confirmed())
                    .orElseThrow(() -> new MfaProblem(HttpStatus.CONFLICT, "No enrolment", "Enrol before confirming"));
            requireCode(principal.userId(), factor, code);
            Instant now = clock.instant();
            factors.confirm(principal.userId(), now);
            refreshTokens.revokeAllOf(principal.userId(), now);
            List<String> codes = recoveryCodes();
            factors.replaceRecoveryCodes(principal.userId(), codes, now);
            audit.record(
                    principal.tenantId(),
                    AuditEntry.byUser(principal.userId(), "mfa.enabled")
                            .on("user", principal.userId(), "identity.users")
                            .changed(Map.of("mfa_enabled", false), Map.of("mfa_enabled", true))
                            .from(origin));
            return new Confirmation(true, codes);
        });
    }

    void disable(UserPrincipal principal, String code, RequestOrigin origin) {
        throttle.secondFactor(principal.userId());
        transactions.inTransaction(() -> {
            MfaFactors.Factor factor = factors.find(principal.userId())
                    .filter(MfaFactors.Factor::confirmed)
                    .orElseThrow(() ->
                            new MfaProblem(HttpStatus.CONFLICT, "MFA not enabled", "There is nothing to disable"));
            if (!factors.useRecoveryCode(principal.userId(), code, clock.instant())) {
                requireCode(principal.userId(), factor, code);
            }
            factors.remove(principal.userId(), clock.instant());
            refreshTokens.revokeAllOf(principal.userId(), clock.instant());
            audit.record(
                    principal.tenantId(),
                    new SecurityEvent(principal.userId(), "mfa.disabled", Severity.MEDIUM, Map.of(), origin));
        });
    }

    String openChallenge(UUID userId, UUID tenantId) {
        return transactions.inTransaction(
                () -> factors.openChallenge(userId, tenantId, clock.instant(), CHALLENGE_TTL));
    }

    /**
     * Completes a sign-in challenge; returns who signed in, in which tenant. The attempt is
     * counted (and committed) before the code is checked, so wrong codes use up the tries.
     */
    MfaFactors.Challenge complete(
            String challengeToken, @Nullable String code, @Nullable String recoveryCode, RequestOrigin origin) {
        Instant now = clock.instant();
        MfaFactors.Challenge challenge = transactions
                .inTransaction(() -> factors.attempt(challengeToken, now, MAX_ATTEMPTS))
                .orElseThrow(() -> new MfaProblem(
                        HttpStatus.UNAUTHORIZED,
                        "Invalid MFA challenge",
                        "The challenge is unknown, expired, completed or out of attempts; sign in again"));
        throttle.secondFactor(challenge.userId());
        return transactions.inTransaction(() -> {
            MfaFactors.Factor factor = factors.find(challenge.userId())
                    .filter(MfaFactors.Factor::confirmed)
                    .orElseThrow(IdentityProblems::badCredentials);
            boolean passed = recoveryCode != null
                    ? factors.useRecoveryCode(challenge.userId(), recoveryCode, now)
                    : code != null && usableCode(challenge.userId(), factor, code);
            if (!passed) {
                audit.record(
                        TenantId.PLATFORM,
                        new SecurityEvent(challenge.userId(), "mfa.failed", Severity.MEDIUM, Map.of(), origin));
                throw wrongCode();
            }
            factors.complete(challengeToken, now);
            return challenge;
        });
    }

    private void requireCode(UUID userId, MfaFactors.Factor factor, String code) {
        if (!usableCode(userId, factor, code)) {
            throw wrongCode();
        }
    }

    private boolean usableCode(UUID userId, MfaFactors.Factor factor, String code) {
        OptionalLong step = Totp.matchingStep(factor.secret(), code.strip(), clock.instant());
        return step.isPresent() && factors.useStep(userId, step.getAsLong());
    }

    private static List<String> recoveryCodes() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                if (c == 4 || c == 8) {
                    code.append('-');
                }
                code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    private static ApiException wrongCode() {
        return new MfaProblem(HttpStatus.UNAUTHORIZED, "Invalid code", "The code is wrong, expired or already used");
    }

    private static final class MfaProblem extends ApiException {
        MfaProblem(HttpStatus status, String title, String detail) {
            super(status, title, detail);
        }
    }
}
