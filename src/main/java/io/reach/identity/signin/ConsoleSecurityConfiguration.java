package io.reach.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's security: cookie sessions held in PostgreSQL, CSRF tokens on every state-changing
 * request (forms carry {@code _csrf}, htmx sends the header), a strict Content-Security-Policy (no
 * inline script or style), and anyone not signed in sent to the sign-in page. The API keeps its own
 * bearer-only, stateless chain; both decide with the same authenticators and permission checks.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /** The console's paths; everything else is the API's (or the OIDC sign-in's). */
    static final String[] PATHS = {
        "/",
        "/sign-in",
        "/sign-in/**",
        "/sign-up",
        "/sign-out",
        "/app/**",
        "/console/**",
        "/webjars/**",
        "/verify-email",
        "/accept-invitation",
        "/reset-password",
        "/reset-password/**",
        "/unlock",
        "/link-identity"
    };

    /** The pages anyone may open: signing in and up, the pages mails link to, the console's files. */
    private static final String[] OPEN = {
        "/sign-in",
        "/sign-in/**",
        "/sign-up",
        "/console/**",
        "/webjars/**",
        "/verify-email",
        "/accept-invitation",
        "/reset-password",
        "/reset-password/**",
        "/unlock",
        "/link-identity"
    };

    /**
     * The pages mails link to: each form carries the mailed one-time token, which is what proves the
     * request, so they need no CSRF token and stay postable without a session (the README's curl tour).
     */
    private static final String[] MAILED = {"/verify-email", "/accept-invitation", "/reset-password"};

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Spring Session's reads and writes in plain transactions: the tenant-aware transaction manager
     * asks the security context for the tenant, and building an anonymous context asks for the
     * session, which would open another transaction, and so on until the pool is empty.
     */
    @Bean(defaultCandidate = false)
    @SpringSessionTransactionManager
    PlatformTransactionManager consoleSessionTransactions(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    @Order(0)
    SecurityFilterChain console(HttpSecurity http, ConsoleSessions sessions, JsonMapper json) throws Exception {
        return http.securityMatcher(PATHS)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // the person is rebuilt from the session's tokens on each request, never stored as an object
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.ignoringRequestMatchers(MAILED))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new SessionAuthentication(sessions), AuthorizationFilter.class)
                .addFilterAfter(new ConsoleProblemPages(json), AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(rules ->
                        rules.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .build();
    }

    /** Authenticates a console request from its session, for this request only. */
    static final class SessionAuthentication extends OncePerRequestFilter {

        private final ConsoleSessions sessions;

        SessionAuthentication(ConsoleSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var authenticated = sessions.authenticate(request);
            if (authenticated.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authenticated.get());
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
