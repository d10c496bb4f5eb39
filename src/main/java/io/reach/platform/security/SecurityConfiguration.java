package io.reach.platform.security;

import io.reach.platform.tenant.TenantDirectory;
import io.reach.platform.tenant.TenantScoped;
import io.reach.platform.web.ProblemWriter;
import io.reach.platform.web.Problems;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The API's security rules: stateless bearer tokens, {@code /api/v1/admin/**} for the platform
 * admin, the rest of {@code /api/**} for any authenticated principal, health, API docs and the
 * error page open. Every refusal is a problem response.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Tenant endpoints need a principal of one tenant; the platform admin has none and uses the admin API. */
    private static AuthorizationResult actsWithinATenant(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication current = authentication.get();
        return new AuthorizationDecision(current != null
                && current.isAuthenticated()
                && current.getPrincipal() instanceof TenantScoped scoped
                && !scoped.tenantId().isPlatform());
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            List<BearerTokenAuthenticator> authenticators,
            ProblemWriter problems,
            TenantDirectory tenants,
            List<OpenEndpoints> openEndpoints)
            throws Exception {
        String[] open = openEndpoints.stream()
                .flatMap(endpoints -> endpoints.patterns().stream())
                .toArray(String[]::new);
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(authenticators, problems), AuthorizationFilter.class)
                .addFilterAfter(new SuspendedTenantFilter(tenants, problems), BearerTokenFilter.class)
                .authorizeHttpRequests(
                        rules -> rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole(PlatformAdmin.ROLE)
                                .requestMatchers("/api/v1/admin/**")
                                .hasRole(PlatformAdmin.ROLE)
                                .requestMatchers(open)
                                .permitAll()
                                .requestMatchers("/api/**")
                                .access(SecurityConfiguration::actsWithinATenant)
                                .anyRequest()
                                .permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(
                                    response,
                                    Problems.of(
                                            HttpStatus.UNAUTHORIZED,
                                            "Authentication required",
                                            "Send Authorization: Bearer <token>"));
                        })
                        .accessDeniedHandler(
                                (request, response, e) -> problems.write(response, Problems.forbidden(e.getMessage()))))
                .build();
    }
}
