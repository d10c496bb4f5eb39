package io.reach.identity.signin;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.audit.SecurityEvent;
import io.reach.audit.SecurityEvent.Severity;
import io.reach.identity.IdentityProperties;
import io.reach.identity.Inviting;
import io.reach.identity.UserAccount;
import io.reach.identity.UserType;
import io.reach.identity.VerifiedOwners;
import io.reach.identity.access.Roles;
import io.reach.platform.ids.Ids;
import io.reach.platform.mail.Mailer;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.tenancy.CreateTenant;
import io.reach.tenancy.TenantDetails;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A person signs up: a user, a new tenant they own, and a verification mail, all in one
 * transaction. Confirming the mail's token verifies the address. Signing up with an address that
 * has an account answers the same and mails that account's owner.
 */
@Service
class SignUp implements VerifiedOwners {

    private final UserAccounts users;
    private final WorkspaceMemberships memberships;
    private final UserTokens tokens;
    private final TenantManagement tenants;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Ids ids;
    private final Clock clock;
    private final SignInThrottle throttle;

    private final PublicUrl publicUrl;
    private final Inviting inviting;

    SignUp(
            Inviting inviting,
            PublicUrl publicUrl,
            SignInThrottle throttle,
            UserAccounts users,
            WorkspaceMemberships memberships,
            UserTokens tokens,
            TenantManagement tenants,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            Mailer mailer,
            AuditTrail audit,
            TenantTransactions transactions,
            IdentityProperties properties,
            Ids ids,
            Clock clock) {
        this.publicUrl = publicUrl;
        this.inviting = inviting;
        this.throttle = throttle;
        this.users = users;
        this.memberships = memberships;
        this.tokens = tokens;
        this.tenants = tenants;
        this.policy = policy;
        this.passwords = passwords;
        this.mailer = mailer;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    record Registered(UUID userId, UUID tenantId, String email, boolean emailVerified) {}

    /**
     * Signs up a new address; for one already registered the answer looks the same (ids that
     * name nothing) and the address's owner is told by mail instead, so sign-up never says which
     * addresses have accounts. Both ways pay for the password hash.
     */
    Registered register(AuthRequests.SignUpRequest request, RequestOrigin origin) {
        throttle.mailing(request.email(), origin);
        policy.problemWith(request.password(), request.email()).ifPresent(problem -> {
            throw new InvalidRequestException(new FieldError("password", problem));
        });
        if (request.invitationToken() != null) {
            // joins the workspace that invited the address (one the platform made for its owner, say)
            Inviting.Accepted accepted = inviting.accept(
                    request.invitationToken(), request.password(), request.name(), request.email(), origin);
            return new Registered(accepted.userId(), accepted.tenantId(), request.email(), true);
        }
        if (request.tenantName() == null || request.tenantName().isBlank()) {
            throw new InvalidRequestException(new FieldError("tenant_name", "is required without an invitation_token"));
        }
        String hash = passwords.encode(request.password());
        Optional<UserAccount> existing = users.findByEmail(request.email());
        if (existing.isPresent()) {
            return alreadyRegistered(existing.get(), request, origin);
        }
        UUID userId = ids.next();
        try {
            var tenant = createOwner(userId, ids.next(), request.tenantName(), request, hash, origin, false);
            return new Registered(userId, tenant.id(), request.email(), false);
        } catch (DuplicateKeyException e) {
            // the same address signed up at the same moment
            return users.findByEmail(request.email())
                    .map(user -> alreadyRegistered(user, request, origin))
                    .orElseThrow(() -> e);
        }
    }

    /**
     * A demo workspace's owner (REACH_DEMO): signed up with the address already confirmed, nothing
     * mailed. Empty when the address has an account already (the demo was made before).
     */
    @Override
    public Optional<NewOwner> create(String email, String password, String workspace) {
        if (users.findByEmail(email).isPresent()) {
            return Optional.empty();
        }
        var request = new AuthRequests.SignUpRequest(email, password, null, null, null, workspace, null, null, null);
        UUID userId = ids.next();
        UUID membershipId = ids.next();
        var tenant = createOwner(
                userId, membershipId, workspace, request, passwords.encode(password), RequestOrigin.UNKNOWN, true);
        return Optional.of(new NewOwner(userId, tenant.id(), membershipId));
    }

    @Override
    public UUID join(UUID userId, UUID tenantId, String role) {
        UUID membershipId = ids.next();
        transactions.inTransactionAs(
                TenantId.of(tenantId),
                () -> memberships.insert(membershipId, userId, role, UserType.MEMBER, clock.instant()));
        return membershipId;
    }

    private TenantDetails createOwner(
            UUID userId,
            UUID membershipId,
            String workspace,
            AuthRequests.SignUpRequest request,
            String hash,
            RequestOrigin origin,
            boolean verified) {
        return tenants.create(new CreateTenant(workspace, null, userId, null, null, null), created -> {
            var now = clock.instant();
            users.insert(
                    userId,
                    new UserAccounts.NewUser(
                            request.email(),
                            request.name(),
                            request.firstName(),
                            request.lastName(),
                            request.registrationCode(),
                            request.promoCode()),
                    hash,
                    now);
            memberships.insert(membershipId, userId, Roles.OWNER, UserType.ADMIN, now);
            audit.record(
                    TenantId.of(created.id()),
                    AuditEntry.byUser(userId, "user.signed_up")
                            .on("user", userId, "identity.users")
                            .values(Map.of("email", request.email()))
                            .from(origin));
            if (verified) {
                users.markEmailVerified(userId, now);
            } else {
                sendVerification(userId, request.email());
            }
        });
    }

    private Registered alreadyRegistered(UserAccount user, AuthRequests.SignUpRequest request, RequestOrigin origin) {
        transactions.inTransaction(() -> {
            mailer.send(user.email(), "Someone tried to sign up to Reach with your address", """
                    Someone tried to sign up to Reach with your e-mail address, which already has an account.
                    Nothing was changed.

                    If it was you, sign in instead: %s/sign-in
                    If you forgot your password, reset it: %s/reset-password
                    If it was not you, ignore this mail.
                    """.formatted(
                            publicUrl.base(), publicUrl.base()));
            audit.record(
                    TenantId.PLATFORM,
                    new SecurityEvent(user.id(), "signup.existing_email", Severity.LOW, Map.of(), origin));
        });
        return new Registered(ids.next(), ids.next(), request.email(), false);
    }

    /** Sends a fresh verification mail to an unverified account; says nothing about unknown addresses. */
    void resendVerification(String email, RequestOrigin origin) {
        throttle.mailing(email, origin);
        users.findByEmail(email)
                .filter(user -> !user.emailVerified() && user.isActive())
                .ifPresent(user -> transactions.inTransaction(() -> {
                    sendVerification(user.id(), user.email());
                }));
    }

    void verifyEmail(String token) {
        transactions.inTransaction(() -> {
            UUID userId = tokens.consume(token, UserTokens.Purpose.EMAIL_VERIFICATION, clock.instant())
                    .orElseThrow(IdentityProblems::invalidToken);
            users.markEmailVerified(userId, clock.instant());
            audit.record(
                    TenantId.PLATFORM,
                    AuditEntry.byUser(userId, "user.email_verified")
                            .on("user", userId, "identity.users")
                            .changed(Map.of("email_verified", false), Map.of("email_verified", true)));
            return userId;
        });
    }

    private void sendVerification(UUID userId, String email) {
        String token = tokens.issue(
                userId, UserTokens.Purpose.EMAIL_VERIFICATION, properties.verificationTokenTtl(), clock.instant());
        mailer.send(email, "Confirm your e-mail address for Reach", """
                Welcome to Reach.

                Confirm your e-mail address by opening this link:
                %s/verify-email?token=%s

                Or send this token to POST /api/v1/auth/verify-email: %s

                The link works once and expires in %d hours. If you did not sign up, ignore this mail.
                """.formatted(
                        publicUrl.base(),
                        token,
                        token,
                        properties.verificationTokenTtl().toHours()));
    }
}
