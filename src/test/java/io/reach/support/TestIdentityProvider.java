package io.reach.support;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real OpenID Connect provider (mock-oauth2-server) per test JVM on a loopback port, configured
 * as Reach's {@code oidc} client registration; a second issuer on it is the {@code other}
 * registration (a second, unrelated provider).
 */
public final class TestIdentityProvider implements ContextCustomizerFactory {

    public static final String ISSUER_ID = "default";
    public static final String OTHER_ISSUER_ID = "other";
    private static final MockOAuth2Server SERVER = start();

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start mock-oauth2-server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    /** The next sign-in at the provider yields these claims for {@code subject}. */
    public static void nextSignIn(String subject, Map<String, Object> claims) {
        nextSignIn(ISSUER_ID, subject, claims);
    }

    /** The next sign-in at {@code issuerId} yields these claims for {@code subject}. */
    public static void nextSignIn(String issuerId, String subject, Map<String, Object> claims) {
        SERVER.enqueueCallback(
                new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of("reach-test"), claims, 3600));
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new ProviderProperties();
    }

    private record ProviderProperties() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String prefix = "spring.security.oauth2.client.";
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "testIdentityProvider",
                            Map.of(
                                    prefix + "registration.oidc.client-id", "reach-test",
                                    prefix + "registration.oidc.client-secret", "reach-test-secret",
                                    prefix + "registration.oidc.scope", "openid,email,profile",
                                    prefix + "registration.oidc.provider", "oidc",
                                    prefix + "provider.oidc.issuer-uri",
                                            SERVER.issuerUrl(ISSUER_ID).toString(),
                                    prefix + "registration.other.client-id", "reach-test",
                                    prefix + "registration.other.client-secret", "reach-test-secret",
                                    prefix + "registration.other.scope", "openid,email,profile",
                                    prefix + "registration.other.provider", "other",
                                    prefix + "provider.other.issuer-uri",
                                            SERVER.issuerUrl(OTHER_ISSUER_ID).toString())));
        }
    }
}
