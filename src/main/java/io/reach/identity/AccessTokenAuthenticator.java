package io.reach.identity;

import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

import io.reach.platform.security.BearerTokenAuthenticator;
import io.reach.platform.security.PlatformAdmin;

/** Accepts Reach's own access tokens (JWTs: three base64url parts). */
@Component
class AccessTokenAuthenticator implements BearerTokenAuthenticator {

    private final AccessTokens tokens;

    AccessTokenAuthenticator(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        return tokens.verify(token).map(principal -> new UsernamePasswordAuthenticationToken(principal, null,
                principal.isPlatformAdmin()
                        ? AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_" + PlatformAdmin.ROLE)
                        : AuthorityUtils.createAuthorityList("ROLE_USER")));
    }
}
