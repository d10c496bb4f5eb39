package io.reach.identity.signin;

import io.reach.identity.Membership;
import java.util.List;
import java.util.UUID;

/** What a successful sign-in, refresh or tenant switch returns. */
record SessionTokens(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        UUID tenantId,
        UUID userId,
        List<Membership> tenants)
        implements SignIn.LoginOutcome {}
