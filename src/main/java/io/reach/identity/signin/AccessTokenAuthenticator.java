package io.reach.identity.signin;

import io.reach.identity.MemberStandings;
import io.reach.identity.UserPrincipal;
import io.reach.platform.security.BearerTokenAuthenticator;
import io.reach.platform.security.PlatformAdmin;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Accepts Reach's own access tokens (JWTs: three base64url parts) whose membership is still
 * active, for a user still active. The token names who and where; the role and the platform role
 * come from {@link MemberStandings}, so a demotion counts from the next request and a removed
 * member or deactivated user is refused like an unknown token (401).
 */
@Component
class AccessTokenAuthenticator implements BearerTokenAuthenticator {

    private final AccessTokens tokens;
    private final MemberStandings standings;

    AccessTokenAuthenticator(AccessTokens tokens, MemberStandings standings) {
        this.tokens = tokens;
        this.standings = standings;
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        return tokens.verify(token)
                .flatMap(this::asNow)
                .map(principal -> new UsernamePasswordAuthenticationToken(
                        principal,
                        null,
                        principal.isPlatformAdmin()
                                ? AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_" + PlatformAdmin.ROLE)
                                : AuthorityUtils.createAuthorityList("ROLE_USER")));
    }

    /** The token's principal with today's role, if the membership it was issued for still stands. */
    private Optional<UserPrincipal> asNow(UserPrincipal claimed) {
        return standings
                .of(claimed.tenantId(), claimed.userId())
                .filter(standing -> standing.membershipId().equals(claimed.membershipId()))
                .map(standing -> new UserPrincipal(
                        claimed.userId(),
                        claimed.tenantId(),
                        claimed.membershipId(),
                        standing.role(),
                        standing.email(),
                        claimed.scopes(),
                        standing.platformRole()));
    }
}
