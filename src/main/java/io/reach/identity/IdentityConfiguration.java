package io.reach.identity;

import io.reach.platform.security.OpenEndpoints;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /**
     * Argon2id for every new hash (Spring Security's 5.8 defaults: 16 MiB, two passes; the tests
     * lower them with {@code reach.identity.argon2.*}, as each hash names its own parameters);
     * bcrypt hashes imported from other systems ({@code {bcrypt}…}, or bare {@code $2a$…}) still
     * verify and are re-hashed at the next sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${reach.identity.argon2.memory-kib:16384}") int memoryKib,
            @Value("${reach.identity.argon2.iterations:2}") int iterations) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return encoder;
    }

    @Bean
    OpenEndpoints identityOpenEndpoints() {
        return () -> List.of(
                "/api/v1/auth/signup",
                "/api/v1/auth/verify-email",
                "/api/v1/auth/verify-email/resend",
                "/api/v1/auth/login",
                "/api/v1/auth/refresh",
                "/api/v1/auth/logout",
                "/api/v1/auth/mfa/verify",
                "/api/v1/auth/invitations/accept",
                "/api/v1/auth/password-reset/**",
                "/api/v1/auth/unlock",
                "/api/v1/auth/identity-links/confirm",
                "/api/v1/webhooks/identity/**");
    }
}
