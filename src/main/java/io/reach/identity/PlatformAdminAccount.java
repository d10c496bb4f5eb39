package io.reach.identity;

import io.reach.identity.access.Roles;
import io.reach.identity.signin.PasswordPolicy;
import io.reach.identity.signin.RefreshTokens;
import io.reach.identity.signin.UserAccounts;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.time.UtcTimes;
import io.reach.tenancy.CreateTenant;
import io.reach.tenancy.TenantManagement;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first platform administrator as a person: with {@code REACH_ADMIN_EMAIL} and
 * {@code REACH_ADMIN_PASSWORD} set, that user exists at every start (verified, platform role
 * {@code super_admin}, owner of a "Platform" workspace) and signs in like anyone, with access to
 * the admin API. Without them, the start says how to get one.
 */
@Component
class PlatformAdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformAdminAccount.class);
    private static final String ANY_SUPER_ADMIN =
            "select exists (select 1 from identity.users where role = 'super_admin')";
    private static final String PROMOTE = """
            update identity.users set role = 'super_admin', status = 'active', email_verified = true,
                email_verified_at = coalesce(email_verified_at, :now), password_hash = :hash, updated_at = :now,
                version = version + 1
            where id = :id""";

    private final String email;
    private final String password;
    private final Users users;
    private final Memberships memberships;
    private final TenantManagement tenants;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final RefreshTokens refreshTokens;
    private final MemberStandings standings;

    PlatformAdminAccount(
            MemberStandings standings,
            RefreshTokens refreshTokens,
            @Value("${reach.admin.email:}") String email,
            @Value("${reach.admin.password:}") String password,
            Users users,
            Memberships memberships,
            TenantManagement tenants,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            TenantTransactions transactions,
            JdbcClient jdbc,
            Ids ids,
            Clock clock) {
        this.standings = standings;
        this.refreshTokens = refreshTokens;
        this.email = email.strip();
        this.password = password;
        this.users = users;
        this.memberships = memberships;
        this.tenants = tenants;
        this.policy = policy;
        this.passwords = passwords;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isEmpty() || password.isEmpty()) {
            if (!jdbc.sql(ANY_SUPER_ADMIN).query(Boolean.class).single()) {
                System.out.println("""

                        To sign in as the platform admin, set REACH_ADMIN_EMAIL and REACH_ADMIN_PASSWORD and restart,
                        then POST /api/v1/auth/login with them. Until then the admin API takes the admin token.
                        """);
            }
            return;
        }
        policy.problemWith(password, email).ifPresent(problem -> {
            throw new IllegalStateException("REACH_ADMIN_PASSWORD " + problem);
        });
        String hash = passwords.encode(password);
        UUID id = users.findByEmail(email).map(UserAccount::id).orElseGet(this::createWithWorkspace);
        boolean alreadyAdmin = users.findById(id)
                .map(user -> UserRole.SUPER_ADMIN.code().equals(user.role()))
                .orElse(false);
        transactions.inTransaction(() -> {
            jdbc.sql(PROMOTE)
                    .param("id", id)
                    .param("hash", hash)
                    .param("now", UtcTimes.utc(clock.instant()))
                    .update();
            standings.userChanged(id);
            if (!alreadyAdmin) {
                // sessions begun before the promotion must not turn into admin sessions
                refreshTokens.revokeAllOf(id, clock.instant());
            }
        });
        log.info("Platform admin account {} is ready; sign in with REACH_ADMIN_EMAIL and REACH_ADMIN_PASSWORD", email);
    }

    private UUID createWithWorkspace() {
        UUID id = ids.next();
        tenants.create(new CreateTenant("Platform", null, id, null, null, null), created -> {
            users.insert(
                    id,
                    new UserAccounts.NewUser(email, "Platform admin", null, null, null, null),
                    passwords.encode(password),
                    clock.instant());
            memberships.insert(ids.next(), id, Roles.OWNER, UserType.ADMIN, clock.instant());
        });
        return id;
    }
}
