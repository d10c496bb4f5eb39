package io.reach.identity;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.identity.access.Delegation;
import io.reach.identity.access.Roles;
import io.reach.identity.signin.IdentityProblems;
import io.reach.identity.signin.PasswordPolicy;
import io.reach.identity.signin.UserAccounts;
import io.reach.platform.ids.Ids;
import io.reach.platform.mail.Mailer;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.security.TenantRoutedTokens;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.PageRequest;
import io.reach.tenancy.Quota;
import io.reach.tenancy.QuotaEnforcement;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Owners and admins invite people by e-mail with a role; the mailed token, once accepted, adds
 * the existing account with that address to the workspace, or creates the account (its address
 * is proven by the mail) with the password given.
 */
@Service
public class Inviting {

    static final Duration VALID_FOR = Duration.ofDays(7);

    private final Invitations invitations;
    private final Roles roles;
    private final Users users;
    private final Memberships memberships;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Ids ids;
    private final Clock clock;
    private final Delegation delegation;
    private final QuotaEnforcement quotas;

    private final PublicUrl publicUrl;
    private final TenantManagement tenants;

    Inviting(
            TenantManagement tenants,
            PublicUrl publicUrl,
            QuotaEnforcement quotas,
            Delegation delegation,
            Invitations invitations,
            Roles roles,
            Users users,
            Memberships memberships,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            Mailer mailer,
            AuditTrail audit,
            TenantTransactions transactions,
            IdentityProperties properties,
            Ids ids,
            Clock clock) {
        this.publicUrl = publicUrl;
        this.tenants = tenants;
        this.delegation = delegation;
        this.quotas = quotas;
        this.invitations = invitations;
        this.roles = roles;
        this.users = users;
        this.memberships = memberships;
        this.policy = policy;
        this.passwords = passwords;
        this.mailer = mailer;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    public record Accepted(UUID tenantId, UUID userId, String role, boolean newAccount) {}

    Invitations.Invitation invite(
            UserPrincipal inviter, String email, String role, UserType userType, RequestOrigin origin) {
        if (role.equals(Roles.OWNER)) {
            throw new InvalidRequestException(new FieldError("role", "owners are not invited; change roles later"));
        }
        return transactions.inTransaction(() -> {
            roles.findByName(role)
                    .orElseThrow(() ->
                            new InvalidRequestException(new FieldError("role", "is not a role of this workspace")));
            delegation.requireMayGiveRole(inviter, role);
            quotas.admit(Quota.USERS, 1);
            Instant now = clock.instant();
            UUID id = ids.next();
            String token = invitations.create(id, email, role, userType, inviter.userId(), now.plus(VALID_FOR), now);
            mailer.send(email, "You are invited to a Reach workspace", """
                    %s invites you to their Reach workspace as %s.

                    Accept by opening this link:
                    %s/accept-invitation?token=%s

                    Or send the token (with a password, if you have no Reach account yet) to
                    POST /api/v1/auth/invitations/accept: %s

                    The invitation expires in 7 days.
                    """.formatted(
                            inviter.email(), role, publicUrl.base(), token, token));
            audit.record(
                    inviter.tenantId(),
                    AuditEntry.byUser(inviter.userId(), "invitation.created")
                            .on("invitation", id, "identity.invitations")
                            .values(Map.of("email", email, "role", role))
                            .from(origin));
            return invitations.find(id).orElseThrow();
        });
    }

    CursorPage<Invitations.Invitation> list(PageRequest page) {
        return transactions.inTransaction(() -> CursorPage.of(
                invitations.page(page.afterOrStart(), page.fetchSize()), page, Invitations.Invitation::id));
    }

    /** Withdraws an open invitation; one already accepted or withdrawn is a conflict. */
    void revoke(@Nullable Object actor, UUID id, RequestOrigin origin) {
        boolean revoked = transactions.inTransaction(() -> {
            invitations.find(id).orElseThrow(() -> InvitationNotFound.forId(id));
            boolean done = invitations.revoke(id, clock.instant());
            if (done) {
                audit.record(
                        TenantContext.require(),
                        Actor.of(actor)
                                .act("invitation.revoked")
                                .on("invitation", id, "identity.invitations")
                                .from(origin));
            }
            return done;
        });
        if (!revoked) {
            throw new ConflictException("Invitation closed", "It was already accepted or withdrawn");
        }
    }

    public Accepted accept(String token, @Nullable String password, @Nullable String name, RequestOrigin origin) {
        return accept(token, password, name, null, origin);
    }

    /** As {@link #accept}, refusing the token unless it invites {@code expectedEmail} (sign-up with an invitation). */
    public Accepted accept(
            String token,
            @Nullable String password,
            @Nullable String name,
            @Nullable String expectedEmail,
            RequestOrigin origin) {
        UUID tenant =
                TenantRoutedTokens.tenantOf(Invitations.PREFIX, token).orElseThrow(IdentityProblems::invalidToken);
        return transactions.inTransactionAs(TenantId.of(tenant), () -> {
            Instant now = clock.instant();
            Invitations.Invitation invitation =
                    invitations.openByToken(token, now).orElseThrow(IdentityProblems::invalidToken);
            if (expectedEmail != null && !expectedEmail.equalsIgnoreCase(invitation.email())) {
                throw new InvalidRequestException(
                        new FieldError("email", "must be the address the invitation was sent to"));
            }
            var existing = users.findByEmail(invitation.email());
            UUID userId = existing.map(UserAccount::id).orElseGet(() -> newAccount(invitation, password, name, now));
            if (memberships.ofUserIn(userId, tenant).isPresent()) {
                throw new ConflictException("Already a member", "This account already belongs to the workspace");
            }
            quotas.admit(Quota.USERS, 0); // the invitation holds its seat, unless the limit was lowered since
            memberships.insert(ids.next(), userId, invitation.role(), UserType.ofCode(invitation.userType()), now);
            invitations.accept(invitation.id(), userId, now);
            if (invitation.role().equals(Roles.OWNER)) {
                tenants.assignOwner(tenant, userId); // the platform invited the workspace's first owner
            }
            audit.record(
                    TenantContext.require(),
                    AuditEntry.byUser(userId, "invitation.accepted")
                            .on("invitation", invitation.id(), "identity.invitations")
                            .values(Map.of("role", invitation.role(), "new_account", existing.isEmpty()))
                            .from(origin));
            return new Accepted(tenant, userId, invitation.role(), existing.isEmpty());
        });
    }

    private UUID newAccount(
            Invitations.Invitation invitation, @Nullable String password, @Nullable String name, Instant now) {
        if (password == null) {
            throw new BadRequestException(
                    "Password needed",
                    "There is no account for " + invitation.email() + " yet; send a password to create it");
        }
        policy.problemWith(password, invitation.email()).ifPresent(problem -> {
            throw new InvalidRequestException(new FieldError("password", problem));
        });
        UUID id = ids.next();
        users.insert(
                id,
                new UserAccounts.NewUser(invitation.email(), name, null, null, null, null),
                passwords.encode(password),
                now);
        users.markEmailVerified(id, now);
        return id;
    }
}
