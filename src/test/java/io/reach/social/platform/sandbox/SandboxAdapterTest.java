package io.reach.social.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The sandbox platform, enabled in the tests' settings, through the API: listed, and connected without any app. */
@ReachTest
class SandboxAdapterTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Test
    void theCatalogOffersTheSandboxWithoutOAuth() {
        String token = accounts.owner().accessToken();

        JsonNode sandbox = Pages.whole(api, "/api/v1/social/channels", token)
                .valueStream()
                .filter(c -> c.get("channel_name").asString().equals("sandbox"))
                .findFirst()
                .orElseThrow();

        assertThat(sandbox.get("requires_oauth").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/social/channels/sandbox", token).status()).isEqualTo(200);
    }

    @Test
    void anAccountConnectsThroughTheUsualFlowInTheStartingBrowserOnly() {
        Accounts.SignedIn ada = accounts.owner();
        SocialFlows.Started started = flows.start(ada.accessToken(), "sandbox");

        assertThat(api.execute(HttpRequest.newBuilder(URI.create(started.authorizationUrl()))
                                .GET()
                                .build())
                        .status())
                .as("another browser, without the binding cookie")
                .isEqualTo(400);
        var connected = api.execute(HttpRequest.newBuilder(URI.create(started.authorizationUrl()))
                .header("Cookie", started.cookie())
                .GET()
                .build());

        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        JsonNode account = connected.json();
        assertThat(account.get("platform").asString()).isEqualTo("sandbox");
        assertThat(account.get("handle").asString()).startsWith("sandbox_");
        assertThat(account.get("status").asString()).isEqualTo("active");
        assertThat(connected.body()).doesNotContain("sandbox-access.", "sandbox-refresh.");
        JsonNode second = flows.connect(ada.accessToken(), "sandbox", "any-code");
        assertThat(second.get("id").asString())
                .as("each connection is a sandbox account of its own")
                .isNotEqualTo(account.get("id").asString());
    }
}
