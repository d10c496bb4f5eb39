package io.reach.identity.signin;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.identity.UserAccount;
import io.reach.identity.UserType;
import io.reach.identity.access.Roles;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.time.UtcTimes;
import io.reach.platform.web.ApiException;
import io.reach.tenancy.CreateTenant;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sign-in through an OpenID Connect provider: the provider's identity (registration and subject)
 * signs in as the user it is linked to. An unknown identity whose verified address is new makes a
 * new user, with a workspace of their own; one whose address belongs to an existing user is linked
 * only with that user's consent ({@link IdentityLinking}), never on the provider's word alone.
 */
@Service
class OidcAccounts {

    private static final String CREATE = """
            insert into identity.users (id, email, email_verified, email_verified_at, name, first_name, last_name,
                image_url, account_provider, external_id, created_at, updated_at, version)
            values (:id, :email, true, :now, :name, :firstName, :lastName, :imageUrl, :provider, :subject, :now, :now, 0)""";

    private final UserAccounts users;
    private final WorkspaceMemberships memberships;
    private final TenantManagement tenants;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final ExternalIdentities identities;
    private final IdentityLinking linking;

    OidcAccounts(
            ExternalIdentities identities,
            IdentityLinking linking,
            UserAccounts users,
            WorkspaceMemberships memberships,
            TenantManagement tenants,
            AuditTrail audit,
            JdbcClient jdbc,
            Ids ids,
            Clock clock) {
        this.identities = identities;
        this.linking = linking;
        this.users = users;
        this.memberships = memberships;
        this.tenants = tenants;
        this.audit = audit;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the provider vouches for. */
    record ProviderIdentity(
            String provider,
            String subject,
            @Nullable String email,
            boolean emailVerified,
            @Nullable String name,
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable String picture) {}

    /**
     * The user this identity signs in as; {@code linkToken} is set when a signed-in user started
     * this sign-in to link the identity to themselves.
     */
    UserAccount userFor(ProviderIdentity identity, @Nullable String linkToken, RequestOrigin origin) {
        if (linkToken != null) {
            return users.findById(linking.completeStarted(linkToken, identity, origin))
                    .orElseThrow();
        }
        Optional<UserAccount> linked =
                identities.userOf(identity.provider(), identity.subject()).flatMap(users::findById);
        if (linked.isPresent()) {
            return linked.get();
        }
        if (identity.email() == null
                || !identity.emailVerified()
                || identity.email().length() > 254) {
            throw new OidcProblem("The identity provider did not vouch for an e-mail address; sign in another way");
        }
        Optional<UserAccount> existing = users.findByEmail(identity.email());
        if (existing.isPresent()) {
            throw linking.askByMail(existing.get(), identity, origin);
        }
        return created(identity, origin);
    }

    private UserAccount created(ProviderIdentity identity, RequestOrigin origin) {
        String email = Objects.requireNonNull(identity.email());
        UUID userId = ids.next();
        String workspace = (identity.name() == null ? email : identity.name()) + "'s workspace";
        tenants.create(
                new CreateTenant(
                        workspace.length() > 200 ? workspace.substring(0, 200) : workspace,
                        null,
                        userId,
                        null,
                        null,
                        null),
                created -> {
                    jdbc.sql(CREATE)
                            .param("id", userId)
                            .param("email", email)
                            .param("name", limit(identity.name(), 200))
                            .param("firstName", atLeastTwo(identity.givenName()))
                            .param("lastName", atLeastTwo(identity.familyName()))
                            .param("imageUrl", limit(identity.picture(), 2048))
                            .param("provider", identity.provider())
                            .param("subject", identity.subject())
                            .param("now", UtcTimes.utc(clock.instant()))
                            .update();
                    identities.link(
                            new ExternalIdentities.Link(userId, identity.provider(), identity.subject()),
                            clock.instant());
                    memberships.insert(ids.next(), userId, Roles.OWNER, UserType.ADMIN, clock.instant());
                    audit.record(
                            TenantId.of(created.id()),
                            AuditEntry.byIdentityProvider(userId, "user.signed_up")
                                    .on("user", userId, "identity.users")
                                    .values(Map.of("email", email, "provider", identity.provider()))
                                    .from(origin));
                });
        return users.findById(userId).orElseThrow();
    }

    private static @Nullable String limit(@Nullable String value, int max) {
        return value == null || value.length() > max ? null : value;
    }

    private static @Nullable String atLeastTwo(@Nullable String name) {
        return name == null || name.strip().length() < 2 || name.length() > 100 ? null : name.strip();
    }

    private static final class OidcProblem extends ApiException {
        OidcProblem(String detail) {
            super(HttpStatus.FORBIDDEN, "Identity provider sign-in refused", detail);
        }
    }
}
