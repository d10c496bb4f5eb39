package io.reach.identity.signin;

import io.reach.identity.RequestOrigins;
import io.reach.platform.web.ApiException;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
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
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in with OpenID Connect providers configured under
 * {@code spring.security.oauth2.client.registration.<id>} (issuer, client id and secret).
 * {@code GET /oauth2/authorization/<id>} starts the flow; the provider returns to
 * {@code /login/oauth2/code/<id>}, which answers with Reach's own tokens (or an MFA challenge)
 * as JSON; a sign-in started from the console's sign-in page ({@code ?console=true}) ends in a
 * console session instead (or its MFA step, or its sign-in page saying why not). The HTTP session
 * of the round trip lives only for its length, and carries the
 * {@code link_token} of a link a signed-in user started ({@code POST /api/v1/auth/identity-links}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
class OidcSignInConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain oidcSignIn(
            HttpSecurity http,
            OidcAccounts accounts,
            SignIn signIn,
            ConsoleSessions sessions,
            JsonMapper json,
            ProblemWriter problems)
            throws Exception {
        return http.securityMatcher("/oauth2/**", "/login/oauth2/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .addFilterBefore(new LinkTokenFilter(), OAuth2AuthorizationRequestRedirectFilter.class)
                .oauth2Login(login -> login.successHandler((request, response, authentication) ->
                                succeed(request, response, authentication, accounts, signIn, sessions, json, problems))
                        .failureHandler((request, response, e) -> {
                            boolean console = startedInConsole(request);
                            endSession(request);
                            if (console) {
                                toConsole(
                                        request,
                                        response,
                                        ConsoleOidc.ERROR,
                                        "The identity provider's answer was refused.",
                                        "/sign-in");
                                return;
                            }
                            problems.write(
                                    response,
                                    Problems.of(
                                            HttpStatus.UNAUTHORIZED,
                                            "Identity provider sign-in failed",
                                            "The identity provider's answer was refused: " + e.getMessage()));
                        }))
                .build();
    }

    private static void succeed(
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication authentication,
            OidcAccounts accounts,
            SignIn signIn,
            ConsoleSessions sessions,
            JsonMapper json,
            ProblemWriter problems)
            throws IOException {
        HttpSession session = request.getSession(false);
        String linkToken = session == null ? null : (String) session.getAttribute(LinkTokenFilter.ATTRIBUTE);
        boolean console = startedInConsole(request);
        endSession(request);
        try {
            OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
            OidcUser user = (OidcUser) token.getPrincipal();
            var identity = new OidcAccounts.ProviderIdentity(
                    token.getAuthorizedClientRegistrationId(),
                    Objects.requireNonNull(
                            user.getSubject(), "Spring's ID token validator refuses a token without sub"),
                    user.getEmail(),
                    Boolean.TRUE.equals(user.getEmailVerified()),
                    user.getFullName(),
                    user.getGivenName(),
                    user.getFamilyName(),
                    user.getPicture());
            var origin = RequestOrigins.of(request);
            SignIn.LoginOutcome outcome =
                    signIn.proceed(accounts.userFor(identity, linkToken, origin), null, origin, null);
            if (console) {
                switch (outcome) {
                    case SessionTokens tokens -> {
                        sessions.start(request, tokens);
                        response.sendRedirect("/");
                    }
                    case SignIn.MfaRequired challenge ->
                        toConsole(request, response, ConsoleOidc.MFA_TOKEN, challenge.mfaToken(), "/sign-in/mfa");
                }
                return;
            }
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(outcome));
        } catch (ApiException e) {
            if (console) {
                toConsole(request, response, ConsoleOidc.ERROR, e.title() + ": " + e.getMessage(), "/sign-in");
                return;
            }
            problems.write(
                    response,
                    Problems.of(
                            e.status(),
                            e.title(),
                            Objects.requireNonNull(e.getMessage(), "an ApiException is always made with its detail")));
        } catch (ClassCastException | org.springframework.dao.DataAccessException e) {
            if (console) {
                toConsole(
                        request,
                        response,
                        ConsoleOidc.ERROR,
                        "The identity provider's answer cannot be used.",
                        "/sign-in");
                return;
            }
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "Identity provider sign-in refused",
                            "The identity provider's answer cannot be used for a Reach account"));
        }
    }

    /**
     * Keeps the {@code link_token} a sign-in starts with in that sign-in's session, for the
     * callback; a sign-in started without one forgets any earlier one.
     */
    private static final class LinkTokenFilter extends OncePerRequestFilter {

        static final String ATTRIBUTE = LinkTokenFilter.class.getName() + ".token";

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/oauth2/authorization/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("true".equals(request.getParameter("console"))) {
                request.getSession(true).setAttribute(ConsoleOidc.STARTED, Boolean.TRUE);
            } else if (request.getSession(false) != null) {
                request.getSession(false).removeAttribute(ConsoleOidc.STARTED);
            }
            String token = request.getParameter("link_token");
            if (token != null && token.matches("[A-Za-z0-9_-]{1,200}")) {
                request.getSession(true).setAttribute(ATTRIBUTE, token);
            } else if (request.getSession(false) != null) {
                request.getSession(false).removeAttribute(ATTRIBUTE);
            }
            chain.doFilter(request, response);
        }
    }

    private static boolean startedInConsole(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(ConsoleOidc.STARTED));
    }

    /** Hands a console sign-in's next step to the console's pages in a new session, then goes there. */
    private static void toConsole(
            HttpServletRequest request, HttpServletResponse response, String attribute, String value, String page)
            throws IOException {
        request.getSession(true).setAttribute(attribute, value);
        response.sendRedirect(page);
    }

    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
