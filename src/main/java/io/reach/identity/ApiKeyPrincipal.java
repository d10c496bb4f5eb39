package io.reach.identity;

import io.reach.platform.security.ApiKeyCredential;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantScoped;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/** A request made with an API key: it acts in the key's tenant with the key's scopes only. */
public record ApiKeyPrincipal(TenantId tenantId, UUID keyId, UUID createdBy, Set<String> scopes)
        implements TenantScoped, ApiKeyCredential, AuthenticatedPrincipal {

    @Override
    public String getName() {
        return "api_key:" + keyId;
    }
}
