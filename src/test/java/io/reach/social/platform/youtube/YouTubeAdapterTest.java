package io.reach.social.platform.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A YouTube channel connected through Google OAuth and published to through Reach's API: the
 * video streamed from its URL into a resumable upload, then the first comment placed under it.
 */
@ReachTest
class YouTubeAdapterTest {

    private static final String CHANNEL = "UCflowChannel0000000000a";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    private Accounts.SignedIn ada;
    private String handle;

    @BeforeEach
    void google() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        handle = "@ada-" + UUID.randomUUID().toString().substring(0, 6);
        wiremock.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("""
                {"access_token": "ya29.flow", "expires_in": 3599, "refresh_token": "1//flow-refresh",
                 "scope": "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.force-ssl",
                 "token_type": "Bearer"}""")));
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .withHeader("Authorization", equalTo("Bearer ya29.flow"))
                .willReturn(okJson("""
                        {"items": [{"id": "%s", "snippet": {"title": "Ada Codes", "customUrl": "%s"},
                                    "statistics": {"viewCount": "120000", "subscriberCount": "2400",
                                                   "hiddenSubscriberCount": false, "videoCount": "31"}}]}""".formatted(CHANNEL, handle))));
        ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
    }

    @Test
    void aChannelConnectsAndAVideoIsUploadedWithItsFirstComment() {
        JsonNode account = connect();
        assertThat(account.get("platform").asString()).isEqualTo("youtube");
        assertThat(account.get("handle").asString()).isEqualTo(handle);
        assertThat(account.get("platform_user_id").asString()).isEqualTo(CHANNEL);
        assertThat(account.get("follower_count").asLong()).isEqualTo(2400);
        TestProviders.SERVER.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("client_id=reach-youtube-client"))
                .withRequestBody(containing("client_secret=reach-youtube-secret")));

        byte[] video = new byte[200_000];
        new Random(3).nextBytes(video);
        var wiremock = TestProviders.SERVER;
        wiremock.stubFor(get(urlPathEqualTo("/media/tour.mp4"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "video/mp4")
                        .withHeader("Content-Length", "200000")
                        .withBody(video)));
        wiremock.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("uploadType", equalTo("resumable"))
                .withRequestBody(equalToJson("""
                        {"snippet": {"title": "Studio tour", "description": "Studio tour\\nWhere Reach is made"},
                         "status": {"privacyStatus": "public"}}""", true, true))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader(
                                "Location",
                                wiremock.baseUrl()
                                        + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=flow-session")));
        wiremock.stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("upload_id", equalTo("flow-session"))
                .willReturn(okJson("{\"kind\": \"youtube#video\", \"id\": \"fLoWvid0001\"}")));
        wiremock.stubFor(post(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withRequestBody(equalToJson("""
                {"snippet": {"videoId": "fLoWvid0001", "topLevelComment": {"snippet": {"textOriginal": "Questions welcome!"}}}}"""))
                .willReturn(okJson("{\"id\": \"UgxFirstComment\"}")));

        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "Studio tour\\nWhere Reach is made",
                  "metadata": {"first_comment": "Questions welcome!"},
                  "media": [{"type": "video", "format": "mp4", "duration_seconds": 95, "url": "%s/media/tour.mp4"}]}]}""".formatted(
                                account.get("id").asString(), wiremock.baseUrl()))
                .json()
                .get("id")
                .asString();
        var scheduled = api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        JsonNode settled = await(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("provider_job_id").asString()).isEqualTo("fLoWvid0001");
        assertThat(wiremock.findAll(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")))
                        .get(0)
                        .getBody())
                .isEqualTo(video);
        wiremock.verify(1, postRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads")));
    }

    @Test
    void metricsSnapshotsCarryTheSubscriberCount() {
        String id = connect().get("id").asString();
        TestProviders.SERVER.stubFor(get(urlPathEqualTo("/v2/reports")).willReturn(okJson("""
                {"columnHeaders": [{"name": "views"}, {"name": "likes"}, {"name": "comments"}, {"name": "shares"},
                                   {"name": "subscribersGained"}, {"name": "subscribersLost"}],
                 "rows": [[9000, 300, 40, 12, 50, 4]]}""")));

        assertThat(api.post("/api/v1/social/accounts/" + id + "/sync", ada.accessToken(), "")
                        .json()
                        .get("synced")
                        .asBoolean())
                .isTrue();

        JsonNode snapshots = api.get("/api/v1/social/accounts/" + id + "/metrics", ada.accessToken())
                .json()
                .get("items");
        assertThat(snapshots.size()).isGreaterThanOrEqualTo(1);
        assertThat(snapshots.get(0).get("followers_count").asLong()).isEqualTo(2400);
        assertThat(snapshots.get(0).get("posts_count").asLong()).isEqualTo(31);
        assertThat(snapshots.get(0).get("reach").asLong()).as("28-day views").isEqualTo(9000);
    }

    private JsonNode connect() {
        String authorization = flows.authorizationUrl(ada.accessToken(), "youtube");
        String query = URLDecoder.decode(URI.create(authorization).getRawQuery(), StandardCharsets.UTF_8);
        assertThat(URI.create(authorization).getPath()).isEqualTo("/o/oauth2/v2/auth");
        assertThat(query)
                .contains(
                        "access_type=offline",
                        "prompt=consent",
                        "code_challenge_method=S256",
                        "https://www.googleapis.com/auth/youtube.upload",
                        "https://www.googleapis.com/auth/yt-analytics.readonly");
        return flows.complete(authorization, "4/0google-code");
    }

    private JsonNode await(String post) {
        return flows.awaitSettled(ada.accessToken(), post);
    }
}
