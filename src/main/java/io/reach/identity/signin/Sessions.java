package io.reach.identity.signin;

import io.reach.identity.IdentityProperties;
import io.reach.identity.Membership;
import io.reach.identity.UserAccount;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Starts and continues sign-in sessions: an access token for one tenant and a refresh token. */
@Component
class Sessions {

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final WorkspaceMemberships memberships;
    private final IdentityProperties properties;
    private final Clock clock;

    Sessions(
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            WorkspaceMemberships memberships,
            IdentityProperties properties,
            Clock clock) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.memberships = memberships;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new session (a new refresh-token family) in {@code membership}'s tenant. */
    SessionTokens start(UserAccount user, Membership membership) {
        String refresh =
                refreshTokens.issue(user.id(), membership.tenantId(), clock.instant(), properties.refreshTokenTtl());
        return tokens(user, membership, refresh);
    }

    /** The same session with a rotated refresh token. */
    SessionTokens continueWith(UserAccount user, Membership membership, String rotatedRefreshToken) {
        return tokens(user, membership, rotatedRefreshToken);
    }

    private SessionTokens tokens(UserAccount user, Membership membership, String refresh) {
        UserPrincipal principal = new UserPrincipal(
                user.id(),
                TenantId.of(membership.tenantId()),
                membership.membershipId(),
                membership.role(),
                user.email(),
                Set.of("*"),
                user.role());
        List<Membership> all = memberships.ofUser(user.id());
        return new SessionTokens(
                accessTokens.issue(principal),
                "Bearer",
                accessTokens.ttlSeconds(),
                refresh,
                membership.tenantId(),
                user.id(),
                all);
    }

    static Membership choose(List<Membership> memberships, UUID wanted) {
        return memberships.stream()
                .filter(m -> m.tenantId().equals(wanted))
                .findFirst()
                .orElseThrow(IdentityProblems::notAMember);
    }
}
