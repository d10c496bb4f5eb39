package io.reach.platform.security;

import io.reach.platform.ids.Ids;
import io.reach.platform.time.UtcTimes;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform-admin credential. With {@code reach.admin.token} set, that token (and only it)
 * is valid. Without it, the first start generates one, stores its hash and prints it once to
 * the console; later starts keep it. Only hashes are stored.
 */
@Component
class PlatformAdminTokens implements BearerTokenAuthenticator, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformAdminTokens.class);
    private static final String PREFIX = "reach_admin_";

    private static final String FIND_ACTIVE = """
            select source from platform.admin_tokens where token_hash = :hash and revoked_at is null""";
    private static final String COUNT_ACTIVE_GENERATED = """
            select count(*) from platform.admin_tokens where source = 'generated' and revoked_at is null""";
    private static final String REVOKE_ALL_EXCEPT = """
            update platform.admin_tokens set revoked_at = :now where revoked_at is null and token_hash <> :hash""";
    private static final String INSERT = """
            insert into platform.admin_tokens (id, token_hash, source, created_at) values (:id, :hash, :source, :now)
            on conflict (token_hash) do update set revoked_at = null""";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final @Nullable String configuredToken;

    PlatformAdminTokens(JdbcClient jdbc, Ids ids, Clock clock, @Value("${reach.admin.token:}") String configuredToken) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.configuredToken = configuredToken.isBlank() ? null : configuredToken;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (configuredToken != null) {
            String hash = TokenHashes.sha256(configuredToken);
            jdbc.sql(REVOKE_ALL_EXCEPT).param("now", now()).param("hash", hash).update();
            store(hash, AdminTokenSource.CONFIGURED);
            log.info("Platform admin token taken from reach.admin.token");
            return;
        }
        if (jdbc.sql(COUNT_ACTIVE_GENERATED).query(Long.class).single() > 0) {
            log.info("Platform admin token: the one generated at first start (set reach.admin.token to replace it)");
            return;
        }
        String token = TokenHashes.newToken(PREFIX);
        store(TokenHashes.sha256(token), AdminTokenSource.GENERATED);
        printOnce(token);
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        if (!token.startsWith(PREFIX) && !isConfiguredToken(token)) {
            return Optional.empty();
        }
        List<String> sources = jdbc.sql(FIND_ACTIVE)
                .param("hash", TokenHashes.sha256(token))
                .query(PlatformAdminTokens::source)
                .list();
        return sources.stream()
                .findFirst()
                .map(source -> new UsernamePasswordAuthenticationToken(
                        new PlatformAdmin(source),
                        null,
                        AuthorityUtils.createAuthorityList("ROLE_" + PlatformAdmin.ROLE)));
    }

    /** {@code source} is NOT NULL. */
    private static String source(ResultSet rs, int row) throws SQLException {
        return rs.getString("source");
    }

    private boolean isConfiguredToken(String token) {
        return configuredToken != null
                && MessageDigest.isEqual(
                        TokenHashes.sha256(configuredToken).getBytes(),
                        TokenHashes.sha256(token).getBytes());
    }

    private void store(String hash, AdminTokenSource source) {
        jdbc.sql(INSERT)
                .param("id", ids.next())
                .param("hash", hash)
                .param("source", source.code())
                .param("now", now())
                .update();
    }

    private OffsetDateTime now() {
        return UtcTimes.utc(clock.instant());
    }

    /** Printed to the console, not the log: the one time this secret is shown. */
    private static void printOnce(String token) {
        log.warn("Generated the platform admin token; it is printed once on the console, keep it safe");
        System.out.println("""

                ==========================================================================
                 Reach platform admin token (shown once; only its hash is stored):

                   %s

                 Use it as:  Authorization: Bearer <token>  on /api/v1/admin/**
                ==========================================================================
                """.formatted(token));
    }
}
