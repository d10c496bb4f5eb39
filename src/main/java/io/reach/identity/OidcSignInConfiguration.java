package io.reach.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;

import io.reach.platform.web.ApiException;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in with OpenID Connect providers configured under
 * {@code spring.security.oauth2.client.registration.<id>} (issuer, client id and secret).
 * {@code GET /oauth2/authorization/<id>} starts the flow; the provider returns to
 * {@code /login/oauth2/code/<id>}, which answers with Reach's own tokens (or an MFA challenge)
 * as JSON. The HTTP session lives only for the length of that round trip.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
class OidcSignInConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain oidcSignIn(HttpSecurity http, OidcAccounts accounts, SignIn signIn, JsonMapper json,
            ProblemWriter problems) throws Exception {
        return http
                .securityMatcher("/oauth2/**", "/login/oauth2/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .oauth2Login(login -> login
                        .successHandler((request, response, authentication) ->
                                succeed(request, response, authentication, accounts, signIn, json, problems))
                        .failureHandler((request, response, e) -> {
                            endSession(request);
                            problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Identity provider sign-in failed",
                                    "The identity provider's answer was refused: " + e.getMessage()));
                        }))
                .build();
    }

    private static void succeed(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
            OidcAccounts accounts, SignIn signIn, JsonMapper json, ProblemWriter problems) throws IOException {
        endSession(request);
        try {
            OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
            OidcUser user = (OidcUser) token.getPrincipal();
            var identity = new OidcAccounts.ProviderIdentity(token.getAuthorizedClientRegistrationId(), user.getSubject(),
                    user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName(), user.getGivenName(),
                    user.getFamilyName(), user.getPicture());
            var origin = RequestOrigins.of(request);
            SignIn.LoginOutcome outcome = signIn.proceed(accounts.userFor(identity, origin), null, origin, null);
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(outcome));
        } catch (ApiException e) {
            problems.write(response, Problems.of(e.status(), e.title(), e.getMessage()));
        } catch (ClassCastException | org.springframework.dao.DataAccessException e) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "Identity provider sign-in refused",
                    "The identity provider's answer cannot be used for a Reach account"));
        }
    }

    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
