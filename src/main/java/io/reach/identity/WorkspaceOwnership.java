package io.reach.identity;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.identity.access.Roles;
import io.reach.platform.ids.Ids;
import io.reach.platform.mail.Mailer;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.tenancy.WorkspaceOwners;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The owner the platform names for a workspace becomes an owner member, so the workspace can be
 * entered; an address without an account is invited as owner (accepting it, or signing up with
 * its token, joins this workspace instead of creating another).
 */
@Component
class WorkspaceOwnership implements WorkspaceOwners {

    private final Users users;
    private final Memberships memberships;
    private final Invitations invitations;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;

    WorkspaceOwnership(
            Users users,
            Memberships memberships,
            Invitations invitations,
            Mailer mailer,
            PublicUrl publicUrl,
            AuditTrail audit,
            Ids ids,
            Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.invitations = invitations;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void ensureOwner(UUID userId) {
        if (users.findById(userId).isEmpty()) {
            throw new InvalidRequestException(new FieldError("owner_id", "names no Reach user"));
        }
        Instant now = clock.instant();
        var membership = memberships.ofUserInTenant(userId);
        if (membership.isPresent() && membership.get().role().equals(Roles.OWNER)) {
            return;
        }
        if (membership.isPresent()) {
            memberships.setRole(membership.get().id(), Roles.OWNER, null, now);
        } else {
            memberships.insert(ids.next(), userId, Roles.OWNER, UserType.ADMIN, now);
        }
        audit.record(
                TenantContext.require(),
                AuditEntry.byPlatformAdmin("membership.owner_named")
                        .on("user", userId, "identity.memberships")
                        .changed(
                                membership
                                        .map(m -> Map.<String, Object>of("role", m.role()))
                                        .orElse(null),
                                Map.of("role", Roles.OWNER)));
    }

    @Override
    public Optional<UUID> addOrInvite(String email) {
        var existing = users.findByEmail(email);
        if (existing.isPresent()) {
            ensureOwner(existing.get().id());
            return Optional.of(existing.get().id());
        }
        Instant now = clock.instant();
        UUID id = ids.next();
        String token =
                invitations.create(id, email, Roles.OWNER, UserType.ADMIN, null, now.plus(Inviting.VALID_FOR), now);
        mailer.send(email, "You are invited to own a Reach workspace", """
                A Reach workspace was created for you; you are its owner.

                Accept by opening this link (you choose your password there if you have no Reach account yet):
                %s/accept-invitation?token=%s

                Or sign up with this invitation token (POST /api/v1/auth/signup with "invitation_token"),
                or send it to POST /api/v1/auth/invitations/accept: %s

                The invitation expires in %d days.
                """.formatted(
                        publicUrl.base(), token, token, Inviting.VALID_FOR.toDays()));
        audit.record(
                TenantContext.require(),
                AuditEntry.byPlatformAdmin("invitation.created")
                        .on("invitation", id, "identity.invitations")
                        .values(Map.of("email", email, "role", Roles.OWNER)));
        return Optional.empty();
    }
}
