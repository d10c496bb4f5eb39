package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestIdentityProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in page's identity-provider buttons end in a console session, not in a token document. */
@ReachTest
class OidcConsoleSignInTest {

    @Autowired
    Api api;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void theProvidersButtonSignsIntoTheConsole() throws Exception {
        String page = get(api.baseUrl() + "/sign-in").body();
        assertThat(page).contains("href=\"/oauth2/authorization/oidc?console=true\"");

        String email = "oidc-console-" + UUID.randomUUID() + "@example.com";
        TestIdentityProvider.nextSignIn("sub-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true));
        var start = get(api.baseUrl() + "/oauth2/authorization/oidc?console=true");
        assertThat(start.statusCode()).isEqualTo(302);
        var provider = get(start.headers().firstValue("Location").orElseThrow());
        assertThat(provider.statusCode()).isEqualTo(302);
        var callback = get(provider.headers().firstValue("Location").orElseThrow());

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(callback.body()).doesNotContain("access_token");
        var home = get(api.baseUrl() + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(email);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
