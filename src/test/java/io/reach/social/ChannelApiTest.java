package io.reach.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ReachTest
class ChannelApiTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void theCatalogListsEveryPlatformWithItsLimits() {
        JsonNode channels =
                Pages.whole(api, "/api/v1/social/channels", accounts.owner().accessToken());

        assertThat(channels.valueStream().map(c -> c.get("channel_name").asString()))
                .as("the sandbox too: the tests' settings enable it")
                .containsExactlyInAnyOrder(
                        "instagram", "facebook", "tiktok", "linkedin", "x", "youtube", "threads", "sandbox");
        JsonNode x = channels.valueStream()
                .filter(c -> c.get("channel_name").asString().equals("x"))
                .findFirst()
                .orElseThrow();
        assertThat(x.get("max_text_length").asInt()).isEqualTo(280);
    }

    @Test
    void aVariantOverItsLimitsGetsAnErrorPerProblem() {
        String token = accounts.owner().accessToken();

        JsonNode verdict = api.post(
                        "/api/v1/social/channels/instagram/validate",
                        token,
                        "{\"text\": \"%s\", \"media\": []}".formatted("x".repeat(2201)))
                .json();
        JsonNode fine = api.post(
                        "/api/v1/social/channels/x/validate",
                        token,
                        "{\"text\": \"Launch day\", \"media\": [{\"type\": \"image\", \"format\": \"png\"}]}")
                .json();

        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("text", "media");
        assertThat(fine.get("valid").asBoolean()).isTrue();
    }

    @Test
    void unknownChannelsAndMalformedVariantsAreClientErrors() {
        String token = accounts.owner().accessToken();

        assertThat(api.get("/api/v1/social/channels/myspace", token).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/social/channels/x/validate", token, "{\"text\": \"hi\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/social/channels/x/validate",
                                token,
                                "{\"text\": \"hi\", \"media\": [{\"type\": \"video\", \"duration_seconds\": -1}]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/social/channels", null).status()).isEqualTo(401);
    }
}
