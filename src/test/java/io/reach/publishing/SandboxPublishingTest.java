package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox platform (enabled in the tests' settings) through the whole journey, no platform
 * app anywhere: connect an account through the usual flow, submit a post, approve it as another
 * admin, schedule it, see it published, and read its engagement and the account's analytics.
 */
@ReachTest
class SandboxPublishingTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EngagementTracking tracking;

    @Test
    void aPostToTheSandboxIsApprovedPublishedAndMeasured() {
        Accounts.SignedIn ada = accounts.owner();
        String account = connectSandbox(ada).get("id").asString();
        String text = "Sandbox launch " + UUID.randomUUID();
        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "%s", "media": []}]}""".formatted(account, text))
                .json()
                .get("id")
                .asString();
        String approver = accounts.member(ada, "admin", fixtures);

        assertThat(api.post("/api/v1/posts/" + post + "/submit", ada.accessToken(), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/posts/" + post + "/approve", approver, null)
                        .status())
                .isEqualTo(200);
        var scheduled = api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);

        assertThat(flows.awaitSettled(ada.accessToken(), post).get("status").asString())
                .isEqualTo("published");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .at("/items/0");
        assertThat(job.get("status").asString()).isEqualTo("success");
        String platformId = job.get("provider_job_id").asString();
        assertThat(platformId).startsWith("sbx_");
        JsonNode published = api.get("/api/v1/social-posts?social_account_id=" + account, ada.accessToken())
                .json()
                .at("/items/0");
        assertThat(published.get("external_post_id").asString()).isEqualTo(platformId);
        assertThat(published.get("post_content").asString()).isEqualTo(text);

        tracking.measureRecentPosts();

        JsonNode engagement = api.get(
                        "/api/v1/social-posts/" + published.get("id").asString(), ada.accessToken())
                .json()
                .get("engagement");
        assertThat(engagement.valueStream().map(m -> m.get("engagement_type").asString()))
                .contains("like", "comment", "share", "save", "reach", "impression");
        assertThat(engagement
                        .valueStream()
                        .filter(m -> m.get("engagement_type").asString().equals("impression"))
                        .map(m -> m.get("engagement_count").asLong()))
                .allMatch(count -> count > 0);

        var synced = api.post("/api/v1/social/accounts/" + account + "/sync", ada.accessToken(), "");
        assertThat(synced.json().get("synced").asBoolean()).as(synced.body()).isTrue();
        String base = "/api/v1/social/accounts/" + account;
        assertThat(api.get(base + "/metrics", ada.accessToken())
                        .json()
                        .at("/items/0/followers_count")
                        .asLong())
                .isPositive();
        assertThat(api.get(base + "/top-content", ada.accessToken())
                        .json()
                        .get("items")
                        .valueStream()
                        .map(c -> c.get("platform_post_id").asString()))
                .containsExactly(platformId);
        assertThat(api.get(base + "/audience", ada.accessToken()).json().get("items"))
                .isNotEmpty();
    }

    /** Starts connecting and follows the returned URL as the browser would: it is Reach's own callback. */
    private JsonNode connectSandbox(Accounts.SignedIn owner) {
        SocialFlows.Started started = flows.start(owner.accessToken(), "sandbox");
        assertThat(started.authorizationUrl()).startsWith(api.publicUrl() + "/api/v1/social/accounts/callback?");
        var callback = api.execute(HttpRequest.newBuilder(URI.create(started.authorizationUrl()))
                .header("Cookie", started.cookie())
                .GET()
                .build());
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        return callback.json();
    }
}
