package io.reach.identity;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reach.identity.*}: token lifetimes, whether e-mail must be verified before sign-in,
 * the public URL mails link to (unset: this server's actual port on localhost, see PublicUrl), and an optional fixed access-token signing secret (base64,
 * at least 32 bytes; without it one is generated once and shared through the database).
 */
@ConfigurationProperties("reach.identity")
public record IdentityProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("24h") Duration verificationTokenTtl,
        @DefaultValue("1h") Duration resetTokenTtl,
        @DefaultValue("true") boolean requireVerifiedEmail,
        @DefaultValue("10") int minPasswordLength,
        @Nullable String publicUrl,
        @Nullable String jwtSecret,
        @DefaultValue Throttle throttle) {

    /**
     * Attempts allowed: logins per 15 minutes for one account from one client address (or IPv6
     * /64), for one account from everywhere (tripping it mails the owner an unlock link), and from
     * one address; reset requests and sign-up mails per hour, per account and per address.
     */
    public record Throttle(
            @DefaultValue("10") long loginsPerAccountAndAddress,
            @DefaultValue("100") long loginsPerAccount,
            @DefaultValue("100") long loginsPerAddress,
            @DefaultValue("5") long resetsPerAccount,
            @DefaultValue("30") long resetsPerAddress) {}
}
