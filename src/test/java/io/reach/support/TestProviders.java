package io.reach.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** One WireMock server per test JVM standing in for the social platforms' APIs, on a loopback port. */
public final class TestProviders implements ContextCustomizerFactory {

    public static final WireMockServer SERVER = start();

    /**
     * A fresh WireMock on which LinkedIn's token exchange answers {@code accessToken} and its
     * profile names a new member, so a connect through {@link SocialFlows} succeeds.
     */
    public static WireMockServer linkedInConnects(String accessToken) {
        SERVER.resetAll();
        SERVER.stubFor(WireMock.post(WireMock.urlPathEqualTo("/oauth/v2/accessToken"))
                .willReturn(WireMock.okJson(
                        "{\"access_token\": \"%s\", \"expires_in\": 5184000, \"scope\": \"w_member_social\"}"
                                .formatted(accessToken))));
        SERVER.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v2/userinfo"))
                .willReturn(
                        WireMock.okJson("{\"sub\": \"782bbtaQ\", \"name\": \"Ada\", \"email\": \"ada-%s@example.com\"}"
                                .formatted(java.util.UUID.randomUUID()))));
        return SERVER;
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new ProviderUrls();
    }

    private record ProviderUrls() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new java.util.HashMap<>();
            for (String platform : List.of("linkedin", "x", "facebook", "instagram", "threads", "tiktok", "youtube")) {
                String prefix = "reach.social." + platform + ".";
                properties.put(prefix + "client-id", "reach-" + platform + "-client");
                properties.put(prefix + "client-secret", "reach-" + platform + "-secret");
                properties.put(prefix + "auth-base-url", SERVER.baseUrl());
                properties.put(prefix + "api-base-url", SERVER.baseUrl());
            }
            properties.put("reach.campaigns.sms.base-url", SERVER.baseUrl());
            properties.put("reach.social.youtube.token-url", SERVER.baseUrl() + "/token");
            properties.put("reach.social.youtube.analytics-base-url", SERVER.baseUrl());
            properties.put("reach.social.instagram.token-url", SERVER.baseUrl() + "/instagram/oauth/access_token");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testProviders", properties));
        }
    }
}
