package io.reach.support;

import io.reach.platform.security.BearerTokenAuthenticator;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantScoped;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * The test principal that stands in for a tenant's user until the identity module issues real
 * tokens: {@code Bearer test-tenant:<tenant uuid>}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTenantPrincipals {

    public static final String PREFIX = "test-tenant:";

    public static String tokenFor(UUID tenantId) {
        return PREFIX + tenantId;
    }

    public record TestTenantUser(TenantId tenantId) implements TenantScoped {}

    @Bean
    BearerTokenAuthenticator testTenantTokens() {
        return token -> {
            if (!token.startsWith(PREFIX)) {
                return Optional.empty();
            }
            TenantId tenant = TenantId.of(UUID.fromString(token.substring(PREFIX.length())));
            return Optional.of(new UsernamePasswordAuthenticationToken(
                    new TestTenantUser(tenant), null, AuthorityUtils.createAuthorityList("ROLE_TENANT_USER")));
        };
    }
}
