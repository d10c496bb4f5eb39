package io.reach.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.reach.audit.AuditEntry;
import io.reach.audit.AuditEntry.ActorType;
import io.reach.audit.AuditTrail;
import io.reach.audit.RequestOrigin;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.ApiException;
import io.reach.tenancy.CreateTenant;
import io.reach.tenancy.TenantManagement;

/**
 * Sign-in through an OpenID Connect provider: the provider's verified e-mail address links to the
 * existing user with that address, or a new user is made, with a workspace of their own.
 */
@Service
class OidcAccounts {

    private static final String CREATE = """
            insert into identity.users (id, email, email_verified, email_verified_at, name, first_name, last_name,
                image_url, account_provider, external_id, created_at, updated_at, version)
            values (:id, :email, true, :now, :name, :firstName, :lastName, :imageUrl, :provider, :subject, :now, :now, 0)""";
    private static final String LINK = """
            update identity.users set email_verified = true, email_verified_at = coalesce(email_verified_at, :now),
                password_hash = case when email_verified then password_hash else null end,
                external_id = coalesce(external_id, :subject), image_url = coalesce(image_url, :imageUrl),
                updated_at = :now, version = version + 1
            where id = :id""";

    private final Users users;
    private final Memberships memberships;
    private final TenantManagement tenants;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final RefreshTokens refreshTokens;

    OidcAccounts(RefreshTokens refreshTokens, Users users, Memberships memberships, TenantManagement tenants, AuditTrail audit,
            TenantTransactions transactions, JdbcClient jdbc, Ids ids, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.memberships = memberships;
        this.tenants = tenants;
        this.audit = audit;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the provider vouches for. */
    record ProviderIdentity(String provider, String subject, @Nullable String email, boolean emailVerified,
            @Nullable String name, @Nullable String givenName, @Nullable String familyName, @Nullable String picture) {
    }

    UserAccount userFor(ProviderIdentity identity, RequestOrigin origin) {
        if (identity.email() == null || !identity.emailVerified() || identity.email().length() > 254) {
            throw new OidcProblem("The identity provider did not vouch for an e-mail address; sign in another way");
        }
        Optional<UserAccount> existing = users.findByEmail(identity.email());
        if (existing.isPresent()) {
            if (!existing.get().emailVerified()) {
                // Whoever signed up with this address never proved it; their password and sessions go.
                transactions.inTransaction(() -> {
                    refreshTokens.revokeAllOf(existing.get().id(), clock.instant());
                    return null;
                });
            }
            transactions.inTransaction(() -> jdbc.sql(LINK).param("id", existing.get().id())
                    .param("subject", identity.subject()).param("imageUrl", limit(identity.picture(), 2048))
                    .param("now", Users.utc(clock.instant())).update());
            return users.findById(existing.get().id()).orElseThrow();
        }
        UUID userId = ids.next();
        String workspace = (identity.name() == null ? identity.email() : identity.name()) + "'s workspace";
        tenants.create(new CreateTenant(workspace.length() > 200 ? workspace.substring(0, 200) : workspace, null, userId,
                null, null, null), created -> {
            jdbc.sql(CREATE).param("id", userId).param("email", identity.email()).param("name", limit(identity.name(), 200))
                    .param("firstName", atLeastTwo(identity.givenName())).param("lastName", atLeastTwo(identity.familyName()))
                    .param("imageUrl", limit(identity.picture(), 2048)).param("provider", identity.provider())
                    .param("subject", identity.subject()).param("now", Users.utc(clock.instant())).update();
            memberships.insert(ids.next(), userId, SignUp.OWNER, "admin", clock.instant());
            audit.record(TenantId.of(created.id()), new AuditEntry(userId, ActorType.IDENTITY_PROVIDER,
                    "user.signed_up", "user", userId.toString(), "identity.users", null,
                    Map.of("email", identity.email(), "provider", identity.provider()), origin));
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
