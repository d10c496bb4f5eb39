package io.reach.social.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The sandbox as it is by default, off: not in the catalog, and connecting is refused like any
 * platform that is not configured. The context is closed after the class, so its schedulers never
 * take the sandbox jobs the other tests (sandbox on) plan.
 */
@ReachTest
@TestPropertySource(properties = "reach.social.sandbox.enabled=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SandboxDisabledTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aDisabledSandboxIsNotOfferedAndCannotBeConnected() {
        String token = accounts.owner().accessToken();

        assertThat(Pages.whole(api, "/api/v1/social/channels", token)
                        .valueStream()
                        .map(c -> c.get("channel_name").asString()))
                .contains("linkedin")
                .doesNotContain("sandbox");
        assertThat(api.get("/api/v1/social/channels/sandbox", token).status()).isEqualTo(404);
        var refused = api.post("/api/v1/social/accounts/connect", token, "{\"platform\": \"sandbox\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("title").asString()).isEqualTo("Platform not configured");
        assertThat(refused.header("Set-Cookie")).as("nothing started").isNull();
    }
}
