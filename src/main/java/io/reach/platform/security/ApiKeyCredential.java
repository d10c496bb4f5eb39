package io.reach.platform.security;

import java.util.UUID;

import io.reach.platform.tenant.TenantScoped;

/** A principal that authenticated with an API key; rate limits count each key on its own. */
public interface ApiKeyCredential extends TenantScoped {

    UUID keyId();
}
