package io.reach.social.platform.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.PlatformMedia;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The X adapter on its own against WireMock speaking X API v2: media, deleting, counts, actions, mentions, refusals. */
class XProviderTest {

    static WireMockServer x;

    private XProvider provider;
    private final SocialProvider.Account ada = new SocialProvider.Account("x-token", "2244994945");

    @BeforeAll
    static void start() {
        x = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        x.start();
    }

    @AfterAll
    static void stop() {
        x.stop();
    }

    @BeforeEach
    void adapter() {
        x.resetAll();
        provider = new XProvider(
                "client",
                "secret",
                x.baseUrl(),
                x.baseUrl(),
                Duration.ofSeconds(5),
                Clock.systemUTC(),
                new PlatformMedia(true, 2, Duration.ofMillis(10), Duration.ofSeconds(5)));
        x.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": {\"id\": \"1900\", \"text\": \"hi\"}}")));
    }

    @Test
    void theAuthorizationAsksForEverythingReachDoes() {
        assertThat(provider.authorizationUrl("s", "c", "https://reach.example/cb")
                        .toString())
                .contains("media.write")
                .contains("follows.read")
                .contains("like.write")
                .contains("dm.write")
                .contains("dm.read");
    }

    @Test
    void anImageIsUploadedInOneRequestAndAttached() {
        x.stubFor(get(urlPathEqualTo("/cdn/cat.png"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/png")
                        .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        x.stubFor(post(urlPathEqualTo("/2/media/upload")).willReturn(okJson("""
                {"data": {"id": "710511363345354753", "media_key": "3_710511363345354753", "size": 4}}""")));

        String id = provider.publish(ada, publication("With a cat", medium("image", "/cdn/cat.png")));

        assertThat(id).isEqualTo("1900");
        x.verify(postRequestedFor(urlPathEqualTo("/2/media/upload"))
                .withHeader("Authorization", equalTo("Bearer x-token"))
                .withRequestBodyPart(aMultipart()
                        .withName("media_category")
                        .withBody(equalTo("tweet_image"))
                        .build())
                .withRequestBodyPart(aMultipart()
                        .withName("media_type")
                        .withBody(equalTo("image/png"))
                        .build())
                .withRequestBodyPart(aMultipart().withName("media").build()));
        x.verify(postRequestedFor(urlPathEqualTo("/2/tweets")).withRequestBody(equalToJson("""
                {"text": "With a cat", "media": {"media_ids": ["710511363345354753"]}}""")));
    }

    @Test
    void aVideoIsUploadedInSegmentsAndWaitedFor() {
        byte[] video = new byte[4 * 1024 * 1024 + 10];
        x.stubFor(get(urlPathEqualTo("/cdn/clip.mp4")).willReturn(aResponse().withBody(video)));
        x.stubFor(post(urlPathEqualTo("/2/media/upload/initialize")).willReturn(okJson("""
                {"data": {"id": "1880028106020515840", "media_key": "7_1880028106020515840", "expires_after_secs": 86399}}""")));
        x.stubFor(post(urlPathEqualTo("/2/media/upload/1880028106020515840/append"))
                .willReturn(okJson("{\"data\": {}}")));
        x.stubFor(post(urlPathEqualTo("/2/media/upload/1880028106020515840/finalize"))
                .willReturn(okJson("""
                {"data": {"id": "1880028106020515840", "processing_info": {"state": "pending", "check_after_secs": 1}}}""")));
        x.stubFor(get(urlPathEqualTo("/2/media/upload"))
                .inScenario("status")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("""
                        {"data": {"id": "1880028106020515840", "processing_info": {"state": "in_progress",
                         "check_after_secs": 2, "progress_percent": 40}}}"""))
                .willSetStateTo("done"));
        x.stubFor(get(urlPathEqualTo("/2/media/upload"))
                .inScenario("status")
                .whenScenarioStateIs("done")
                .willReturn(okJson("""
                        {"data": {"id": "1880028106020515840", "processing_info": {"state": "succeeded"}}}""")));

        provider.publish(
                ada, publication("A clip", new Publication.Medium("video", x.baseUrl() + "/cdn/clip.mp4", "mp4")));

        x.verify(postRequestedFor(urlPathEqualTo("/2/media/upload/initialize"))
                .withRequestBody(equalToJson("""
                {"media_type": "video/mp4", "total_bytes": %d, "media_category": "tweet_video"}""".formatted(video.length))));
        x.verify(postRequestedFor(urlPathEqualTo("/2/media/upload/1880028106020515840/append"))
                .withRequestBodyPart(aMultipart()
                        .withName("segment_index")
                        .withBody(equalTo("0"))
                        .build()));
        x.verify(postRequestedFor(urlPathEqualTo("/2/media/upload/1880028106020515840/append"))
                .withRequestBodyPart(aMultipart()
                        .withName("segment_index")
                        .withBody(equalTo("1"))
                        .build()));
        x.verify(2, postRequestedFor(urlPathEqualTo("/2/media/upload/1880028106020515840/append")));
        x.verify(
                2,
                getRequestedFor(urlPathEqualTo("/2/media/upload"))
                        .withQueryParam("command", equalTo("STATUS"))
                        .withQueryParam("media_id", equalTo("1880028106020515840")));
        x.verify(postRequestedFor(urlPathEqualTo("/2/tweets")).withRequestBody(equalToJson("""
                {"text": "A clip", "media": {"media_ids": ["1880028106020515840"]}}""")));
    }

    @Test
    void aVideoStillProcessingIsRetriedLaterAndAFailedOneIsNot() {
        x.stubFor(get(urlPathEqualTo("/cdn/clip.mp4")).willReturn(aResponse().withBody(new byte[100])));
        x.stubFor(post(urlPathEqualTo("/2/media/upload/initialize")).willReturn(okJson("{\"data\": {\"id\": \"5\"}}")));
        x.stubFor(post(urlPathEqualTo("/2/media/upload/5/append"))
                .willReturn(aResponse().withStatus(204)));
        x.stubFor(post(urlPathEqualTo("/2/media/upload/5/finalize")).willReturn(okJson("""
                {"data": {"id": "5", "processing_info": {"state": "pending", "check_after_secs": 5}}}""")));
        x.stubFor(get(urlPathEqualTo("/2/media/upload")).willReturn(okJson("""
                {"data": {"id": "5", "processing_info": {"state": "in_progress", "check_after_secs": 5}}}""")));
        Publication clip = publication("Slow", medium("video", "/cdn/clip.mp4"));

        assertThatThrownBy(() -> provider.publish(ada, clip)).isInstanceOfSatisfying(PlatformError.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
            assertThat(e.getMessage()).contains("media still processing");
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        });
        x.verify(2, getRequestedFor(urlPathEqualTo("/2/media/upload")));

        x.stubFor(get(urlPathEqualTo("/2/media/upload")).willReturn(okJson("""
                {"data": {"id": "5", "processing_info": {"state": "failed",
                 "error": {"code": 1, "name": "InvalidMedia", "message": "Unsupported video format"}}}}""")));
        assertThatThrownBy(() -> provider.publish(ada, clip)).isInstanceOfSatisfying(PlatformError.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
            assertThat(e.getMessage()).contains("Unsupported video format");
        });
        x.verify(0, postRequestedFor(urlPathEqualTo("/2/tweets")));
    }

    @Test
    void aVideoWithImagesIsRefusedBeforeAnythingIsFetched() {
        var mixed = new Publication(
                "Mixed", List.of(medium("video", "/cdn/clip.mp4"), medium("image", "/cdn/a.png")), Map.of());

        assertThatThrownBy(() -> provider.publish(ada, mixed))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
        assertThat(x.getAllServeEvents()).isEmpty();
    }

    @Test
    void duplicateContentIsTerminalAndSaysSo() {
        x.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                        {"detail": "You are not allowed to create a Tweet with duplicate content.", "type": "about:blank",
                         "title": "Forbidden", "status": 403}""")));

        assertThatThrownBy(() -> provider.publish(ada, Publication.text("Again")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "X refused it as duplicate content: You are not allowed to create a Tweet with duplicate content.");
                    assertThat(e.isTokenRejected()).isFalse();
                });
    }

    @Test
    void refusalsGiveTheProblemDetailsAndARejectedTokenSaysSo() {
        x.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse().withStatus(401).withBody("""
                {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}""")));
        assertThatThrownBy(() -> provider.publish(ada, Publication.text("x")))
                .isInstanceOfSatisfying(
                        PlatformError.class,
                        e -> assertThat(e.isTokenRejected()).isTrue());

        x.stubFor(post(urlPathEqualTo("/2/tweets"))
                .willReturn(aResponse().withStatus(400).withBody("""
                {"errors": [{"message": "Your media IDs are invalid."}], "title": "Invalid Request",
                 "detail": "One or more parameters to your request was invalid.",
                 "type": "https://api.twitter.com/2/problems/invalid-request"}""")));
        assertThatThrownBy(() -> provider.publish(ada, Publication.text("x")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage())
                            .isEqualTo("X answered HTTP 400: One or more parameters to your request was"
                                    + " invalid. (Your media IDs are invalid.)");
                });
    }

    @Test
    void aPostIsDeleted() {
        x.stubFor(delete(urlPathEqualTo("/2/tweets/1900")).willReturn(okJson("{\"data\": {\"deleted\": true}}")));

        provider.delete(ada, "1900");

        x.verify(deleteRequestedFor(urlPathEqualTo("/2/tweets/1900"))
                .withHeader("Authorization", equalTo("Bearer x-token")));
    }

    @Test
    void followersAreListed() {
        x.stubFor(get(urlPathEqualTo("/2/users/2244994945/followers"))
                .withQueryParam("max_results", equalTo("1000"))
                .withQueryParam("user.fields", equalTo("profile_image_url,verified,public_metrics"))
                .willReturn(okJson("""
                        {"data": [{"id": "6253282", "name": "Grace", "username": "grace", "verified": true,
                          "profile_image_url": "https://pbs.twimg.com/g.jpg", "public_metrics": {"followers_count": 42}},
                          {"id": "783214", "name": "Linus", "username": "linus"}],
                         "meta": {"result_count": 2}}""")));

        assertThat(provider.followers(ada))
                .hasValueSatisfying(followers -> assertThat(followers)
                        .containsExactly(
                                new SocialProvider.Follower(
                                        "6253282", "grace", "https://pbs.twimg.com/g.jpg", true, 42L),
                                new SocialProvider.Follower("783214", "linus", null, false, null)));
    }

    @Test
    void recentPostsCarryTheirCountsWithImpressionsAsReach() {
        x.stubFor(get(urlPathEqualTo("/2/users/2244994945/tweets"))
                .withQueryParam("max_results", equalTo("5"))
                .withQueryParam("tweet.fields", equalTo("created_at,public_metrics,non_public_metrics,attachments"))
                .willReturn(okJson(TIMELINE)));

        var posts = provider.recentContent(ada, 2);

        assertThat(posts).hasSize(2);
        var first = posts.get(0);
        assertThat(first.platformPostId()).isEqualTo("1001");
        assertThat(first.url()).isEqualTo("https://x.com/i/web/status/1001");
        assertThat(first.mediaType()).isEqualTo("video");
        assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(first.likes()).isEqualTo(10);
        assertThat(first.comments()).isEqualTo(2);
        assertThat(first.shares()).isEqualTo(3 + 1);
        assertThat(first.saves()).isEqualTo(4);
        assertThat(first.impressions()).isEqualTo(1000);
        assertThat(first.reach()).isEqualTo(1000);
        assertThat(first.engagementRate()).isEqualTo(2.0);
        assertThat(posts.get(1).mediaType()).isEqualTo("text");
        assertThat(posts.get(1).impressions())
                .as("the public count without the owner's")
                .isEqualTo(50);
    }

    @Test
    void onePostIsReadWithItsCounts() {
        x.stubFor(get(urlPathEqualTo("/2/tweets/1001")).willReturn(okJson("""
                {"data": {"id": "1001", "text": "One", "created_at": "2026-11-20T10:00:00.000Z",
                  "public_metrics": {"like_count": 7, "reply_count": 1, "retweet_count": 0, "quote_count": 0,
                   "bookmark_count": 0, "impression_count": 70}}}""")));
        x.stubFor(get(urlPathEqualTo("/2/tweets/404")).willReturn(okJson("""
                {"errors": [{"title": "Not Found Error", "detail": "Could not find tweet with id: [404]."}]}""")));

        assertThat(provider.content(ada, "1001")).hasValueSatisfying(c -> {
            assertThat(c.likes()).isEqualTo(7);
            assertThat(c.reach()).isEqualTo(70);
        });
        assertThat(provider.content(ada, "404")).isEmpty();
    }

    @Test
    void actionsReplyLikeRepostAndSendMessages() {
        x.stubFor(
                post(urlPathEqualTo("/2/users/2244994945/likes")).willReturn(okJson("{\"data\": {\"liked\": true}}")));
        x.stubFor(post(urlPathEqualTo("/2/users/2244994945/retweets"))
                .willReturn(okJson("{\"data\": {\"retweeted\": true, \"rest_id\": \"1950\"}}")));
        x.stubFor(
                post(urlPathEqualTo("/2/dm_conversations/with/783214/messages"))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"data\": {\"dm_conversation_id\": \"783214-2244994945\", \"dm_event_id\": \"1582838\"}}")));

        assertThat(provider.act(ada, new SocialProvider.Action("reply", "1001", null, "Thanks!")))
                .isEqualTo("1900");
        assertThat(provider.act(ada, new SocialProvider.Action("like", "1001", null, null)))
                .isEqualTo("1001");
        assertThat(provider.act(ada, new SocialProvider.Action("repost", "1001", null, null)))
                .isEqualTo("1950");
        assertThat(provider.act(ada, new SocialProvider.Action("dm", null, "783214", "Hello")))
                .isEqualTo("1582838");

        x.verify(postRequestedFor(urlPathEqualTo("/2/tweets")).withRequestBody(equalToJson("""
                {"text": "Thanks!", "reply": {"in_reply_to_tweet_id": "1001"}}""")));
        x.verify(postRequestedFor(urlPathEqualTo("/2/users/2244994945/likes"))
                .withRequestBody(equalToJson("{\"tweet_id\": \"1001\"}")));
        x.verify(postRequestedFor(urlPathEqualTo("/2/users/2244994945/retweets"))
                .withRequestBody(equalToJson("{\"tweet_id\": \"1001\"}")));
        x.verify(postRequestedFor(urlPathEqualTo("/2/dm_conversations/with/783214/messages"))
                .withRequestBody(equalToJson("{\"text\": \"Hello\"}")));
        assertThatThrownBy(() -> provider.act(ada, new SocialProvider.Action("follow", "1", null, null)))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
        assertThatThrownBy(() -> provider.act(ada, new SocialProvider.Action("reply", "1001", null, " ")))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
    }

    @Test
    void mentionsArePolledPageByPage() {
        x.stubFor(get(urlPathEqualTo("/2/users/2244994945/mentions"))
                .withQueryParam("start_time", equalTo("2026-11-20T08:00:00Z"))
                .withQueryParam("pagination_token", absent())
                .willReturn(okJson("""
                        {"data": [{"id": "3001", "text": "@ada hi", "author_id": "6253282", "conversation_id": "3001",
                          "created_at": "2026-11-20T09:00:00.000Z"}],
                         "includes": {"users": [{"id": "6253282", "username": "grace"}]},
                         "meta": {"result_count": 1, "next_token": "page2"}}""")));
        x.stubFor(get(urlPathEqualTo("/2/users/2244994945/mentions"))
                .withQueryParam("pagination_token", equalTo("page2"))
                .willReturn(okJson("""
                        {"data": [{"id": "3000", "text": "@ada earlier", "author_id": "783214", "conversation_id": "2999",
                          "created_at": "2026-11-20T08:30:00.000Z"}], "meta": {"result_count": 1}}""")));

        var events = provider.poll(ada, Instant.parse("2026-11-20T08:00:00.123Z"));

        assertThat(events).extracting(SocialProvider.PolledEvent::externalId).containsExactly("3001", "3000");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo("mention"));
        assertThat(events.get(0).payload())
                .containsEntry("author_username", "grace")
                .containsEntry("text", "@ada hi")
                .containsEntry("conversation_id", "3001");
        x.verify(getRequestedFor(urlPathEqualTo("/2/users/2244994945/mentions"))
                .withQueryParam("tweet.fields", equalTo("created_at,author_id,conversation_id")));
    }

    private static Publication publication(String text, Publication.Medium medium) {
        return new Publication(text, List.of(medium), Map.of());
    }

    private static Publication.Medium medium(String type, String path) {
        return new Publication.Medium(type, x.baseUrl() + path, null);
    }

    private static final String TIMELINE = """
            {"data": [
              {"id": "1001", "text": "A clip", "created_at": "2026-11-20T10:00:00.000Z",
               "attachments": {"media_keys": ["7_1"]},
               "public_metrics": {"retweet_count": 3, "reply_count": 2, "like_count": 10, "quote_count": 1,
                "bookmark_count": 4, "impression_count": 990},
               "non_public_metrics": {"impression_count": 1000}},
              {"id": "1000", "text": "Words", "created_at": "2026-11-19T10:00:00.000Z",
               "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 1, "quote_count": 0,
                "bookmark_count": 0, "impression_count": 50}},
              {"id": "999", "text": "Older", "created_at": "2026-11-18T10:00:00.000Z", "public_metrics": {}}],
             "includes": {"media": [{"media_key": "7_1", "type": "video"}]},
             "meta": {"result_count": 3}}""";
}
