package io.reach.identity.apikeys;

import io.reach.identity.ApiKeyPrincipal;
import io.reach.platform.security.BearerTokenAuthenticator;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/** Accepts {@code Bearer rk_…} API keys that are neither revoked nor expired, and notes their use. */
@Component
class ApiKeyAuthenticator implements BearerTokenAuthenticator {

    private final ApiKeys keys;
    private final TenantTransactions transactions;
    private final Clock clock;

    ApiKeyAuthenticator(ApiKeys keys, TenantTransactions transactions, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        Optional<UUID> tenant = ApiKeys.tenantOf(token);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenantId = TenantId.of(tenant.get());
        return transactions.inTransactionAs(
                tenantId,
                () -> keys.findActive(token, clock.instant()).map(key -> {
                    keys.touch(key.id(), clock.instant());
                    return new UsernamePasswordAuthenticationToken(
                            new ApiKeyPrincipal(tenantId, key.id(), key.userId(), key.scopes()),
                            null,
                            AuthorityUtils.createAuthorityList("ROLE_API_KEY"));
                }));
    }
}
