package io.reach.platform.security;

import io.reach.platform.tenant.TenantScoped;
import java.util.UUID;

/** A principal that authenticated with an API key; rate limits count each key on its own. */
public interface ApiKeyCredential extends TenantScoped {

    UUID keyId();
}
