package io.reach.social.platform.linkedin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LinkedIn adapter on its own against WireMock speaking LinkedIn's REST API: media, deleting, counts, actions, comments, refusals. */
class LinkedInProviderTest {

    static WireMockServer linkedin;

    private static final Instant NOW = Instant.parse("2026-11-22T23:30:00Z");

    private LinkedInProvider provider;
    private final SocialProvider.Account ada = new SocialProvider.Account("li-token", "782bbtaQ");

    @BeforeAll
    static void start() {
        linkedin = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        linkedin.start();
    }

    @AfterAll
    static void stop() {
        linkedin.stop();
    }

    @BeforeEach
    void adapter() {
        linkedin.resetAll();
        provider = new LinkedInProvider(
                "client",
                "secret",
                linkedin.baseUrl(),
                linkedin.baseUrl(),
                Duration.ofSeconds(5),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new PlatformMedia(true, 2, Duration.ofMillis(10), Duration.ofSeconds(5)),
                "openid profile email w_member_social");
        linkedin.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:7100")));
    }

    @Test
    void anImageIsRegisteredPutAndAttached() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        linkedin.stubFor(
                get(urlPathEqualTo("/cdn/a.png")).willReturn(aResponse().withBody(png)));
        linkedin.stubFor(post(urlEqualTo("/rest/images?action=initializeUpload"))
                .willReturn(okJson("""
                {"value": {"uploadUrlExpiresAt": 1650567510704, "uploadUrl": "%s/dms-uploads/img1",
                 "image": "urn:li:image:C4E10AQFoyyAjHPMQuQ"}}""".formatted(linkedin.baseUrl()))));
        linkedin.stubFor(
                put(urlPathEqualTo("/dms-uploads/img1")).willReturn(aResponse().withStatus(201)));

        String id = provider.publish(
                ada, new Publication("With an image", List.of(medium("image", "/cdn/a.png")), Map.of()));

        assertThat(id).isEqualTo("urn:li:share:7100");
        linkedin.verify(postRequestedFor(urlEqualTo("/rest/images?action=initializeUpload"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInApi.VERSION))
                .withRequestBody(
                        equalToJson("{\"initializeUploadRequest\": {\"owner\": \"urn:li:person:782bbtaQ\"}}")));
        linkedin.verify(putRequestedFor(urlPathEqualTo("/dms-uploads/img1"))
                .withHeader("Authorization", equalTo("Bearer li-token"))
                .withRequestBody(binaryEqualTo(png)));
        linkedin.verify(postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(equalToJson("""
                {"author": "urn:li:person:782bbtaQ", "commentary": "With an image", "visibility": "PUBLIC",
                 "distribution": {"feedDistribution": "MAIN_FEED"}, "lifecycleState": "PUBLISHED",
                 "content": {"media": {"id": "urn:li:image:C4E10AQFoyyAjHPMQuQ"}}}""")));
    }

    @Test
    void severalImagesMakeAMultiImagePost() {
        linkedin.stubFor(
                get(urlPathEqualTo("/cdn/a.png")).willReturn(aResponse().withBody(new byte[] {1})));
        linkedin.stubFor(post(urlEqualTo("/rest/images?action=initializeUpload"))
                .inScenario("images")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("""
                        {"value": {"uploadUrl": "%s/dms-uploads/1", "image": "urn:li:image:1"}}""".formatted(linkedin.baseUrl())))
                .willSetStateTo("second"));
        linkedin.stubFor(post(urlEqualTo("/rest/images?action=initializeUpload"))
                .inScenario("images")
                .whenScenarioStateIs("second")
                .willReturn(okJson("""
                        {"value": {"uploadUrl": "%s/dms-uploads/2", "image": "urn:li:image:2"}}""".formatted(linkedin.baseUrl()))));
        linkedin.stubFor(
                put(urlPathEqualTo("/dms-uploads/1")).willReturn(aResponse().withStatus(201)));
        linkedin.stubFor(
                put(urlPathEqualTo("/dms-uploads/2")).willReturn(aResponse().withStatus(201)));

        provider.publish(
                ada,
                new Publication(
                        "Two", List.of(medium("image", "/cdn/a.png"), medium("image", "/cdn/a.png")), Map.of()));

        linkedin.verify(postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(equalToJson("""
                {"content": {"multiImage": {"images": [{"id": "urn:li:image:1"}, {"id": "urn:li:image:2"}]}}}""", true, true)));
    }

    @Test
    void aVideoIsPutPartByPartFinalizedWithItsETagsAndWaitedFor() {
        byte[] video = new byte[10];
        Arrays.fill(video, (byte) 7);
        video[6] = 1;
        linkedin.stubFor(
                get(urlPathEqualTo("/cdn/clip.mp4")).willReturn(aResponse().withBody(video)));
        linkedin.stubFor(post(urlEqualTo("/rest/videos?action=initializeUpload"))
                .willReturn(okJson("""
                {"value": {"uploadUrlsExpireAt": 1658514750000, "video": "urn:li:video:C5F10AQGKQg_6y2a4sQ",
                 "uploadInstructions": [
                   {"uploadUrl": "%1$s/dms-uploads/v/0", "lastByte": 5, "firstByte": 0},
                   {"uploadUrl": "%1$s/dms-uploads/v/1", "lastByte": 9, "firstByte": 6}],
                 "uploadToken": "token-1"}}""".formatted(linkedin.baseUrl()))));
        linkedin.stubFor(put(urlPathEqualTo("/dms-uploads/v/0"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"etag-0\"")));
        linkedin.stubFor(put(urlPathEqualTo("/dms-uploads/v/1"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"etag-1\"")));
        linkedin.stubFor(post(urlEqualTo("/rest/videos?action=finalizeUpload"))
                .willReturn(aResponse().withStatus(200)));
        linkedin.stubFor(get(urlEqualTo("/rest/videos/urn%3Ali%3Avideo%3AC5F10AQGKQg_6y2a4sQ"))
                .inScenario("video")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"status\": \"PROCESSING\"}"))
                .willSetStateTo("ready"));
        linkedin.stubFor(get(urlEqualTo("/rest/videos/urn%3Ali%3Avideo%3AC5F10AQGKQg_6y2a4sQ"))
                .inScenario("video")
                .whenScenarioStateIs("ready")
                .willReturn(okJson("{\"status\": \"AVAILABLE\", \"duration\": 10}")));

        provider.publish(
                ada, new Publication("A clip", List.of(medium("video", "/cdn/clip.mp4")), Map.of("title", "Launch")));

        linkedin.verify(postRequestedFor(urlEqualTo("/rest/videos?action=initializeUpload"))
                .withRequestBody(equalToJson("""
                {"initializeUploadRequest": {"owner": "urn:li:person:782bbtaQ", "fileSizeBytes": 10,
                 "uploadCaptions": false, "uploadThumbnail": false}}""")));
        linkedin.verify(putRequestedFor(urlPathEqualTo("/dms-uploads/v/0"))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, 0, 6))));
        linkedin.verify(putRequestedFor(urlPathEqualTo("/dms-uploads/v/1"))
                .withRequestBody(binaryEqualTo(Arrays.copyOfRange(video, 6, 10))));
        linkedin.verify(postRequestedFor(urlEqualTo("/rest/videos?action=finalizeUpload"))
                .withRequestBody(equalToJson("""
                {"finalizeUploadRequest": {"video": "urn:li:video:C5F10AQGKQg_6y2a4sQ", "uploadToken": "token-1",
                 "uploadedPartIds": ["\\"etag-0\\"", "\\"etag-1\\""]}}""")));
        linkedin.verify(2, getRequestedFor(urlEqualTo("/rest/videos/urn%3Ali%3Avideo%3AC5F10AQGKQg_6y2a4sQ")));
        linkedin.verify(postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(equalToJson("""
                {"content": {"media": {"id": "urn:li:video:C5F10AQGKQg_6y2a4sQ", "title": "Launch"}}}""", true, true)));
    }

    @Test
    void aVideoStillProcessingIsRetriedLaterAndAFailedOneIsNot() {
        linkedin.stubFor(
                get(urlPathEqualTo("/cdn/clip.mp4")).willReturn(aResponse().withBody(new byte[3])));
        linkedin.stubFor(post(urlEqualTo("/rest/videos?action=initializeUpload"))
                .willReturn(okJson("""
                {"value": {"video": "urn:li:video:V", "uploadToken": "",
                 "uploadInstructions": [{"uploadUrl": "%s/dms-uploads/v", "firstByte": 0, "lastByte": 2}]}}""".formatted(linkedin.baseUrl()))));
        linkedin.stubFor(put(urlPathEqualTo("/dms-uploads/v"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "e")));
        linkedin.stubFor(post(urlEqualTo("/rest/videos?action=finalizeUpload"))
                .willReturn(aResponse().withStatus(200)));
        linkedin.stubFor(get(urlPathEqualTo("/rest/videos/urn%3Ali%3Avideo%3AV"))
                .willReturn(okJson("{\"status\": \"PROCESSING\"}")));
        Publication clip = new Publication("Slow", List.of(medium("video", "/cdn/clip.mp4")), Map.of());

        assertThatThrownBy(() -> provider.publish(ada, clip)).isInstanceOfSatisfying(PlatformError.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
            assertThat(e.getMessage()).contains("media still processing");
        });
        linkedin.verify(3, getRequestedFor(urlPathEqualTo("/rest/videos/urn%3Ali%3Avideo%3AV")));

        linkedin.stubFor(
                get(urlPathEqualTo("/rest/videos/urn%3Ali%3Avideo%3AV")).willReturn(okJson("""
                {"status": "PROCESSING_FAILED", "processingFailureReason": "The video is too short"}""")));
        assertThatThrownBy(() -> provider.publish(ada, clip)).isInstanceOfSatisfying(PlatformError.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
            assertThat(e.getMessage()).contains("The video is too short");
        });
        linkedin.verify(0, postRequestedFor(urlPathEqualTo("/rest/posts")));
    }

    @Test
    void aPostIsDeletedByItsEncodedUrn() {
        linkedin.stubFor(delete(urlEqualTo("/rest/posts/urn%3Ali%3Ashare%3A7100"))
                .willReturn(aResponse().withStatus(204)));

        provider.delete(ada, "urn:li:share:7100");

        linkedin.verify(deleteRequestedFor(urlEqualTo("/rest/posts/urn%3Ali%3Ashare%3A7100"))
                .withHeader("X-RestLi-Method", equalTo("DELETE"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
    }

    @Test
    void actionsCommentLikeAndRepost() {
        linkedin.stubFor(post(urlEqualTo("/rest/socialActions/urn%3Ali%3Ashare%3A7100/comments"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-restli-id", "6636062862760562688")
                        .withBody("""
                        {"actor": "urn:li:person:782bbtaQ", "id": "6636062862760562688", "object": "urn:li:share:7100",
                         "message": {"text": "Thanks!"},
                         "$URN": "urn:li:comment:(urn:li:share:7100,6636062862760562688)"}""")));
        linkedin.stubFor(
                post(urlEqualTo("/rest/socialActions/urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A1%2C2%29/comments"))
                        .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", "3")));
        linkedin.stubFor(post(urlEqualTo("/rest/reactions?actor=urn%3Ali%3Aperson%3A782bbtaQ"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("x-restli-id", "urn:li:reaction:(urn:li:person:782bbtaQ,urn:li:activity:1)")));

        assertThat(provider.act(ada, new SocialProvider.Action("reply", "urn:li:share:7100", null, "Thanks!")))
                .isEqualTo("urn:li:comment:(urn:li:share:7100,6636062862760562688)");
        assertThat(provider.act(
                        ada, new SocialProvider.Action("reply", "urn:li:comment:(urn:li:activity:1,2)", null, "Yes")))
                .isEqualTo("3");
        assertThat(provider.act(ada, new SocialProvider.Action("like", "urn:li:activity:1", null, null)))
                .isEqualTo("urn:li:reaction:(urn:li:person:782bbtaQ,urn:li:activity:1)");
        assertThat(provider.act(ada, new SocialProvider.Action("repost", "urn:li:share:1", null, null)))
                .isEqualTo("urn:li:share:7100");

        linkedin.verify(postRequestedFor(urlEqualTo("/rest/socialActions/urn%3Ali%3Ashare%3A7100/comments"))
                .withRequestBody(equalToJson("""
                        {"actor": "urn:li:person:782bbtaQ", "object": "urn:li:share:7100", "message": {"text": "Thanks!"}}""")));
        linkedin.verify(postRequestedFor(urlEqualTo(
                        "/rest/socialActions/urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A1%2C2%29/comments"))
                .withRequestBody(equalToJson("""
                        {"actor": "urn:li:person:782bbtaQ", "object": "urn:li:activity:1",
                         "parentComment": "urn:li:comment:(urn:li:activity:1,2)", "message": {"text": "Yes"}}""")));
        linkedin.verify(postRequestedFor(urlEqualTo("/rest/reactions?actor=urn%3Ali%3Aperson%3A782bbtaQ"))
                .withRequestBody(equalToJson("{\"root\": \"urn:li:activity:1\", \"reactionType\": \"LIKE\"}")));
        linkedin.verify(postRequestedFor(urlPathEqualTo("/rest/posts")).withRequestBody(equalToJson("""
                {"author": "urn:li:person:782bbtaQ", "commentary": "", "reshareContext": {"parent": "urn:li:share:1"}}""", true, true)));
        assertThatThrownBy(() -> provider.act(ada, new SocialProvider.Action("dm", null, "urn:li:person:x", "Hi")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage()).contains("does not support dm");
                });
    }

    @Test
    void recentPostsCarryLikesAndCommentsButNoReach() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/posts"))
                .withQueryParam("q", equalTo("author"))
                .withQueryParam("author", equalTo("urn:li:person:782bbtaQ"))
                .willReturn(okJson(POSTS)));
        socialActions("urn%3Ali%3Ashare%3A2", 12, 3);
        socialActions("urn%3Ali%3Augc%3A1", 1, 0);

        var posts = provider.recentContent(ada, 10);

        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).platformPostId()).isEqualTo("urn:li:share:2");
        assertThat(posts.get(0).url()).isEqualTo("https://www.linkedin.com/feed/update/urn:li:share:2");
        assertThat(posts.get(0).mediaType()).isEqualTo("photo");
        assertThat(posts.get(0).postedAt()).isEqualTo(Instant.ofEpochMilli(1763700000000L));
        assertThat(posts.get(0).likes()).isEqualTo(12);
        assertThat(posts.get(0).comments()).isEqualTo(3);
        assertThat(posts.get(0).reach()).isZero();
        assertThat(posts.get(0).impressions()).isZero();
        assertThat(posts.get(1).mediaType()).isEqualTo("carousel");
        linkedin.verify(getRequestedFor(urlPathEqualTo("/rest/posts")).withQueryParam("count", equalTo("10")));
    }

    @Test
    void onePostIsReadWithItsCounts() {
        linkedin.stubFor(get(urlEqualTo("/rest/posts/urn%3Ali%3Ashare%3A2")).willReturn(okJson("""
                {"id": "urn:li:share:2", "commentary": "Hello", "createdAt": 1763700000000}""")));
        linkedin.stubFor(get(urlEqualTo("/rest/posts/urn%3Ali%3Ashare%3A404"))
                .willReturn(aResponse().withStatus(404).withBody("{\"status\": 404, \"message\": \"Not found\"}")));
        socialActions("urn%3Ali%3Ashare%3A2", 5, 1);

        assertThat(provider.content(ada, "urn:li:share:2")).hasValueSatisfying(c -> {
            assertThat(c.likes()).isEqualTo(5);
            assertThat(c.mediaType()).isEqualTo("text");
        });
        assertThat(provider.content(ada, "urn:li:share:404")).isEmpty();
    }

    @Test
    void newCommentsByOthersArePolled() {
        linkedin.stubFor(get(urlPathEqualTo("/rest/posts")).willReturn(okJson(POSTS)));
        linkedin.stubFor(get(urlPathEqualTo("/rest/socialActions/urn%3Ali%3Ashare%3A2/comments"))
                .willReturn(okJson("""
                {"elements": [
                  {"actor": "urn:li:person:grace", "id": "11", "object": "urn:li:share:2", "message": {"text": "Nice"},
                   "created": {"actor": "urn:li:person:grace", "time": 1763800000000},
                   "$URN": "urn:li:comment:(urn:li:share:2,11)"},
                  {"actor": "urn:li:person:782bbtaQ", "id": "12", "object": "urn:li:share:2", "message": {"text": "Mine"},
                   "created": {"time": 1763800000001}},
                  {"actor": "urn:li:person:linus", "id": "10", "object": "urn:li:share:2", "message": {"text": "Old"},
                   "created": {"time": 1763600000000}}]}""")));
        linkedin.stubFor(get(urlPathEqualTo("/rest/socialActions/urn%3Ali%3Augc%3A1/comments"))
                .willReturn(okJson("""
                {"elements": [{"actor": "urn:li:person:linus", "id": "21", "object": "urn:li:ugc:1",
                  "message": {"text": "Hi"}, "created": {"time": 1763800000000}}]}""")));

        var events = provider.poll(ada, Instant.ofEpochMilli(1763700000000L));

        assertThat(events)
                .extracting(SocialProvider.PolledEvent::externalId)
                .containsExactly("urn:li:comment:(urn:li:share:2,11)", "urn:li:comment:(urn:li:ugc:1,21)");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo("new_comment"));
        assertThat(events.get(0).payload())
                .containsEntry("text", "Nice")
                .containsEntry("actor", "urn:li:person:grace")
                .containsEntry("post", "urn:li:share:2");
    }

    @Test
    void aDuplicateIsTerminalARateLimitWaitsAndARejectedTokenSaysSo() {
        linkedin.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(422).withBody("""
                {"status": 422, "serviceErrorCode": 0, "code": "UNPROCESSABLE_ENTITY",
                 "message": "Content is a duplicate of urn:li:share:7099"}""")));
        assertThatThrownBy(() -> provider.publish(ada, Publication.text("Again")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage()).contains("duplicate").contains("urn:li:share:7099");
                });

        linkedin.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(429).withBody("""
                {"status": 429, "serviceErrorCode": 101, "code": "TOO_MANY_REQUESTS", "message": "Resource level throttle"}""")));
        assertThatThrownBy(() -> provider.publish(ada, Publication.text("Busy")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
                    assertThat(e.retryAfter())
                            .as("until a minute after midnight UTC")
                            .isEqualTo(Duration.ofMinutes(31));
                    assertThat(e.getMessage()).isEqualTo("LinkedIn answered HTTP 429: Resource level throttle");
                });

        linkedin.stubFor(post(urlPathEqualTo("/rest/posts"))
                .willReturn(aResponse().withStatus(401).withBody("""
                {"status": 401, "serviceErrorCode": 65601, "code": "REVOKED_ACCESS_TOKEN",
                 "message": "The token used in the request has been revoked by the user"}""")));
        assertThatThrownBy(() -> provider.publish(ada, Publication.text("Revoked")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.isTokenRejected()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(401);
                });
    }

    @Test
    void theQuotaWaitIsAnHourOrUntilJustAfterMidnightUtc() {
        assertThat(LinkedInApi.quotaWait(Instant.parse("2026-11-22T10:00:00Z"))).isEqualTo(Duration.ofHours(1));
        assertThat(LinkedInApi.quotaWait(Instant.parse("2026-11-22T23:59:30Z"))).isEqualTo(Duration.ofSeconds(90));
    }

    private static void socialActions(String encodedUrn, long likes, long comments) {
        linkedin.stubFor(get(urlEqualTo("/rest/socialActions/" + encodedUrn))
                .willReturn(okJson("""
                {"likesSummary": {"totalLikes": %d, "aggregatedTotalLikes": %d, "likedByCurrentUser": false},
                 "commentsSummary": {"totalFirstLevelComments": %d, "aggregatedTotalComments": %d}}""".formatted(likes, likes, comments, comments))));
    }

    private static Publication.Medium medium(String type, String path) {
        return new Publication.Medium(type, linkedin.baseUrl() + path, null);
    }

    private static final String POSTS = """
            {"elements": [
              {"id": "urn:li:share:2", "commentary": "Second", "publishedAt": 1763700000000, "createdAt": 1763690000000,
               "content": {"media": {"id": "urn:li:image:C4E"}}},
              {"id": "urn:li:ugc:1", "commentary": "First", "createdAt": 1763600000000,
               "content": {"multiImage": {"images": [{"id": "urn:li:image:1"}, {"id": "urn:li:image:2"}]}}}],
             "paging": {"start": 0, "count": 10}}""";
}
