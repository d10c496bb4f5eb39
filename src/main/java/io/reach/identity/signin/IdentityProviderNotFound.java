package io.reach.identity.signin;

import io.reach.platform.web.NotFoundException;

/** No identity provider of this name is configured. */
class IdentityProviderNotFound extends NotFoundException {

    private IdentityProviderNotFound(String provider) {
        super("Identity provider", provider);
    }

    static IdentityProviderNotFound named(String provider) {
        return new IdentityProviderNotFound(provider);
    }
}
