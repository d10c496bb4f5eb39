package io.reach.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reach.publishing.automation.AutomationEngine;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestMailServer;
import io.reach.support.TestProviders;
import io.reach.support.WebhookSigning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An X account end to end against WireMock speaking X API v2: follower changes from two syncs,
 * an automation replying to a comment that arrived by webhook, a follower milestone, mentions
 * found by polling, and the engagement of a published post.
 */
@ReachTest
class XEngagementTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    @Autowired
    AutomationEngine engine;

    @Autowired
    EngagementTracking tracking;

    @Autowired
    JdbcClient jdbc;

    private Accounts.SignedIn ada;
    private String user;
    private String account;

    @BeforeEach
    void connectedXAccount() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        user = "x" + UUID.randomUUID().toString().substring(0, 8);
        wiremock.stubFor(post(urlPathEqualTo("/2/oauth2/token")).willReturn(okJson("""
                {"token_type": "bearer", "expires_in": 7200, "access_token": "x-access", "refresh_token": "x-refresh"}""")));
        me(1);
        ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
        account = flows.connect(ada.accessToken(), "x", "c").get("id").asString();
    }

    @Test
    void followerChangesComeFromComparingTwoFollowerLists() {
        followers("a", "b");
        assertThat(sync()).isTrue();
        me(2);
        followers("b", "c");
        assertThat(sync()).isTrue();

        JsonNode changes = api.get("/api/v1/social/accounts/" + account + "/followers", ada.accessToken())
                .json()
                .get("items");
        assertThat(changes.valueStream()
                        .map(c -> c.get("change_type").asString() + ":"
                                + c.get("username").asString()))
                .containsExactlyInAnyOrder("new_follower:user_c", "unfollower:user_a");
        assertThat(api.get(
                                "/api/v1/social/accounts/" + account + "/followers?change_type=unfollower",
                                ada.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anAutomationRepliesToAMatchingCommentAsTheAccount() {
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"id\": \"reply-77\", \"text\": \"x\"}}")));
        String automation = automation("""
                {"type": "new_comment", "keywords": ["price"]}""", """
                [{"type": "reply", "text": "Prices are on our site"}, {"type": "like"}]""");
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/2/users/" + user + "/likes"))
                .willReturn(okJson("{\"data\": {\"liked\": true}}")));
        api.post("/api/v1/automations/" + automation + "/consent", ada.accessToken(), null);

        String body = """
                {"for_user_id": "%s", "tweet_create_events": [{"id_str": "c-%s", "text": "price?",
                 "in_reply_to_status_id_str": "1", "user": {"id_str": "fan", "screen_name": "fan"}}]}""".formatted(user, user);
        api.send(
                "POST",
                "/api/v1/webhooks/social/x",
                null,
                body,
                List.of("x-twitter-webhooks-signature", WebhookSigning.x(body)));
        engine.runWaiting();

        JsonNode run = api.get("/api/v1/automations/" + automation + "/executions", ada.accessToken())
                .json()
                .at("/items/0");
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.at("/results/0/platform_id").asString()).isEqualTo("reply-77");
        TestProviders.SERVER.verify(
                1, postRequestedFor(urlPathEqualTo("/2/tweets")).withRequestBody(equalToJson("""
                {"text": "Prices are on our site", "reply": {"in_reply_to_tweet_id": "c-%s"}}""".formatted(user))));
        TestProviders.SERVER.verify(
                1,
                postRequestedFor(urlPathEqualTo("/2/users/" + user + "/likes"))
                        .withRequestBody(equalToJson("{\"tweet_id\": \"c-%s\"}".formatted(user))));
    }

    @Test
    void aFollowerMilestoneNotifiesTheOwnersOnceWhenCrossed() {
        automation(
                "{\"type\": \"follower_milestone\", \"followers\": 1000}",
                "[{\"type\": \"notify\", \"text\": \"We passed 1,000 followers\"}]");
        String milestone = api.get("/api/v1/automations", ada.accessToken())
                .json()
                .at("/items/0/id")
                .asString();
        api.post("/api/v1/automations/" + milestone + "/consent", ada.accessToken(), null);
        followers();
        sync();
        me(1001);
        sync();
        me(1002);
        sync();
        followerChangesFiled();
        engine.runWaiting();

        JsonNode runs = api.get("/api/v1/automations/" + milestone + "/executions", ada.accessToken())
                .json()
                .get("items");
        assertThat(runs.size()).isEqualTo(1);
        assertThat(TestMailServer.mailsTo(ada.email(), 2)).anyMatch(mail -> mail.contains("We passed 1,000 followers"));
    }

    @Test
    void mentionsFoundByPollingAreStoredOnceAndHandedToAutomations() {
        TestProviders.SERVER.stubFor(get(urlPathEqualTo("/2/users/" + user + "/mentions"))
                .willReturn(okJson("""
                {"data": [{"id": "m-%1$s", "text": "@%1$s love this", "author_id": "fan", "created_at": "%2$s"}],
                 "includes": {"users": [{"id": "fan", "username": "fan"}]}, "meta": {"result_count": 1}}""".formatted(user, Instant.now().minusSeconds(60)))));
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/2/users/" + user + "/likes"))
                .willReturn(okJson("{\"data\": {\"liked\": true}}")));
        String automation = automation("{\"type\": \"mention\"}", "[{\"type\": \"like\"}]");
        api.post("/api/v1/automations/" + automation + "/consent", ada.accessToken(), null);

        tracking.pollPlatforms();
        tracking.pollPlatforms();
        engine.runWaiting();

        JsonNode runs = api.get("/api/v1/automations/" + automation + "/executions", ada.accessToken())
                .json()
                .get("items");
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).get("status").asString()).isEqualTo("succeeded");
        TestProviders.SERVER.verify(1, postRequestedFor(urlPathEqualTo("/2/users/" + user + "/likes")));
    }

    @Test
    void thePublishedPostsEngagementIsMeasuredOverTime() {
        TestProviders.SERVER.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"id\": \"t-%s\"}}".formatted(user))));
        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "Measured", "media": []}]}""".formatted(account))
                .json()
                .get("id")
                .asString();
        api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        JsonNode published = awaitPublished();
        TestProviders.SERVER.stubFor(
                get(urlPathEqualTo("/2/tweets/t-" + user)).willReturn(okJson("""
                {"data": {"id": "t-%s", "text": "Measured", "created_at": "%s", "public_metrics": {"like_count": 12,
                 "reply_count": 3, "retweet_count": 2, "quote_count": 1, "bookmark_count": 4, "impression_count": 900}}}""".formatted(user, Instant.now()))));

        tracking.measureRecentPosts();

        JsonNode latest = api.get("/api/v1/social-posts/" + published.get("id").asString(), ada.accessToken())
                .json()
                .get("engagement");
        assertThat(latest.valueStream()
                        .map(m -> m.get("engagement_type").asString() + "="
                                + m.get("engagement_count").asLong()))
                .contains("like=12", "comment=3", "share=3", "save=4", "impression=900");
    }

    private JsonNode awaitPublished() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode items = api.get("/api/v1/social-posts?social_account_id=" + account, ada.accessToken())
                    .json()
                    .get("items");
            if (!items.isEmpty()) {
                return items.get(0);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the post was not published");
    }

    private String automation(String trigger, String actions) {
        var created = api.post("/api/v1/automations", ada.accessToken(), """
                {"social_account_id": "%s", "name": "Automation", "trigger": %s, "actions": %s}""".formatted(account, trigger, actions));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Follower changes reach publishing through the outbox, after the sync's commit: wait until all are filed. */
    private void followerChangesFiled() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                select count(*) from platform.event_publication
                where completion_date is null and serialized_event like :account""")
                                .param("account", "%" + account + "%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private boolean sync() {
        return api.post("/api/v1/social/accounts/" + account + "/sync", ada.accessToken(), "")
                .json()
                .get("synced")
                .asBoolean();
    }

    private void me(long followers) {
        TestProviders.SERVER.stubFor(
                get(urlPathEqualTo("/2/users/me")).willReturn(okJson("""
                {"data": {"id": "%1$s", "name": "Ada", "username": "%1$s", "verified": false,
                 "public_metrics": {"followers_count": %2$d, "following_count": 5, "tweet_count": 9}}}""".formatted(user, followers))));
    }

    private void followers(String... names) {
        StringBuilder data = new StringBuilder();
        for (String name : names) {
            data.append(data.isEmpty() ? "" : ",")
                    .append("{\"id\": \"id-%1$s\", \"username\": \"user_%1$s\"}".formatted(name));
        }
        TestProviders.SERVER.stubFor(get(urlPathEqualTo("/2/users/" + user + "/followers"))
                .willReturn(okJson("{\"data\": [" + data + "]}")));
    }
}
