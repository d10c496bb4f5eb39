package io.reach.identity.signin;

import io.reach.identity.IdentityProperties;
import io.reach.identity.UserPrincipal;
import io.reach.platform.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived access tokens: HS256 JWTs naming the user ({@code sub}), the tenant ({@code tid}),
 * the membership ({@code mid}), the role and the scopes. Stateless, so a revoked sign-in keeps
 * its access token until it expires (15 minutes by default); refresh tokens are the revocable part.
 */
@Component
class AccessTokens {

    static final String ISSUER = "reach";

    private final NimbusJwtEncoder encoder;
    private final JwtDecoder decoder;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        this.encoder = NimbusJwtEncoder.withSecretKey(keys.accessTokenKey()).build();
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(keys.accessTokenKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        this.decoder = nimbus;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(UserPrincipal principal) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(principal.userId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("tid", principal.tenantId().toString())
                .claim("mid", principal.membershipId().toString())
                .claim("role", principal.role())
                .claim("email", principal.email())
                .claim("scope", List.copyOf(principal.scopes()))
                .claim("platform_role", principal.platformRole())
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    Optional<UserPrincipal> verify(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            return Optional.of(new UserPrincipal(
                    UUID.fromString(jwt.getSubject()),
                    TenantId.of(UUID.fromString(jwt.getClaimAsString("tid"))),
                    UUID.fromString(jwt.getClaimAsString("mid")),
                    claim(jwt, "role"),
                    claim(jwt, "email"),
                    new HashSet<>(jwt.getClaimAsStringList("scope")),
                    claim(jwt, "platform_role")));
        } catch (JwtValidationException e) {
            if (expired(e)) {
                // the signature checked out before the claims did: a genuine token that has run out
                throw new CredentialsExpiredException("The access token has expired; refresh it or sign in again");
            }
            return Optional.empty();
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Every token this class issues carries the claim; one without it is not ours. */
    private static String claim(Jwt jwt, String name) {
        String value = jwt.getClaimAsString(name);
        if (value == null) {
            throw new IllegalArgumentException("The token lacks the " + name + " claim");
        }
        return value;
    }

    private static boolean expired(JwtValidationException e) {
        return e.getErrors().stream()
                .anyMatch(error ->
                        error.getDescription() != null && error.getDescription().startsWith("Jwt expired"));
    }

    long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
