package io.reach.social.platform.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.ProviderRefused;
import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TikTok adapter alone against WireMock speaking Login Kit and Content Posting API v2. */
class TikTokProviderTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final SocialProvider.Account ACCOUNT = new SocialProvider.Account("act.tiktok", "open-123");
    private static WireMockServer tiktok;

    private TikTokProvider provider;

    @BeforeAll
    static void start() {
        tiktok = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        tiktok.start();
    }

    @AfterAll
    static void stop() {
        tiktok.stop();
    }

    @BeforeEach
    void adapter() {
        tiktok.resetAll();
        provider = new TikTokProvider(
                "tt-key",
                "tt-secret",
                tiktok.baseUrl(),
                tiktok.baseUrl(),
                Duration.ofMillis(500),
                3,
                Duration.ofMillis(10),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theAuthorizationUrlNamesTheClientKeyTheScopesAndThePkceChallenge() {
        URI url = provider.authorizationUrl("st4te", "ch4llenge", "https://reach.example/callback");

        assertThat(url.getPath()).isEqualTo("/v2/auth/authorize/");
        assertThat(query(url.getRawQuery()))
                .containsEntry("client_key", "tt-key")
                .doesNotContainKey("client_id")
                .containsEntry("scope", "user.info.basic,user.info.profile,user.info.stats,video.list,video.publish")
                .containsEntry("response_type", "code")
                .containsEntry("state", "st4te")
                .containsEntry("code_challenge", "ch4llenge")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "https://reach.example/callback");
    }

    @Test
    void theCodeIsTradedWithTheClientKeyAndSecretAndTheRefreshTokenLater() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/oauth/token/"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token": "act.1", "expires_in": 86400, "open_id": "open-123", "refresh_token": "rft.1",
                         "refresh_expires_in": 31536000, "scope": "user.info.basic,video.publish", "token_type": "Bearer"}""")));
        tiktok.stubFor(post(urlPathEqualTo("/v2/oauth/token/"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token": "act.2", "expires_in": 86400, "open_id": "open-123", "refresh_token": "rft.2",
                         "refresh_expires_in": 31536000, "scope": "user.info.basic,video.publish", "token_type": "Bearer"}""")));

        SocialProvider.Tokens tokens = provider.exchange("the-code", "the-verifier", "https://reach.example/callback");
        SocialProvider.Tokens renewed = provider.refresh("rft.1");

        assertThat(tokens)
                .isEqualTo(new SocialProvider.Tokens(
                        "act.1", "rft.1", NOW.plusSeconds(86400), "user.info.basic,video.publish"));
        assertThat(renewed.accessToken()).isEqualTo("act.2");
        Map<String, String> form = query(tiktok.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth/token/")))
                .get(0)
                .getBodyAsString());
        assertThat(form)
                .containsEntry("client_key", "tt-key")
                .containsEntry("client_secret", "tt-secret")
                .containsEntry("code", "the-code")
                .containsEntry("code_verifier", "the-verifier")
                .containsEntry("redirect_uri", "https://reach.example/callback");
        assertThat(query(tiktok.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth/token/")))
                        .get(1)
                        .getBodyAsString()))
                .containsEntry("refresh_token", "rft.1")
                .containsEntry("client_key", "tt-key");
    }

    @Test
    void aRefusedGrantIsExplainedEvenWhenTikTokAnswers200() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).willReturn(okJson("""
                {"error": "invalid_grant", "error_description": "Authorization code is expired.", "log_id": "2023"}""")));

        assertThatThrownBy(() -> provider.exchange("old", "v", "https://reach.example/callback"))
                .isInstanceOf(ProviderRefused.class)
                .hasMessageContaining("Authorization code is expired");
    }

    @Test
    void theProfileIsTheUserInfoWithItsCounts() {
        stubUserInfo();

        SocialProvider.Profile profile = provider.profile("act.tiktok");

        assertThat(profile.platformUserId()).isEqualTo("open-123");
        assertThat(profile.handle()).isEqualTo("@ada.codes");
        assertThat(profile.displayName()).isEqualTo("Ada");
        assertThat(profile.url()).isEqualTo("https://vm.tiktok.com/ZMabc/");
        assertThat(profile.metadata())
                .containsEntry("followers_count", 5300L)
                .containsEntry("following_count", 12L)
                .containsEntry("verified", true)
                .containsEntry("likes_count", 99000L);
        assertThat(tiktok.getAllServeEvents()
                        .get(0)
                        .getRequest()
                        .queryParameter("fields")
                        .firstValue())
                .contains("open_id", "follower_count", "video_count", "profile_deep_link");

        SocialProvider.Metrics metrics = provider.metrics(ACCOUNT).orElseThrow();
        assertThat(metrics.followers()).isEqualTo(5300);
        assertThat(metrics.posts()).isEqualTo(42);
        assertThat(metrics.extra()).containsEntry("likes_count", 99000L);
    }

    @Test
    void aVideoIsPulledFromItsUrlAndWatchedUntilPublic() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/"))
                .withHeader("Authorization", equalTo("Bearer act.tiktok"))
                .withRequestBody(equalToJson("""
                        {"post_info": {"title": "Launch day #reach", "privacy_level": "SELF_ONLY", "disable_comment": false},
                         "source_info": {"source": "PULL_FROM_URL", "video_url": "https://cdn.example/launch.mp4"}}""", true, true))
                .willReturn(okJson(ok("{\"publish_id\": \"v_pub_url~v2.123\"}"))));
        stubStatus(Scenario.STARTED, "downloading", "{\"status\": \"PROCESSING_DOWNLOAD\"}");
        stubStatus("downloading", "done", """
                {"status": "PUBLISH_COMPLETE", "publicaly_available_post_id": [7345678901234567890], "uploaded_bytes": 0}""");

        String id = provider.publish(ACCOUNT, video("Launch day #reach", Map.of("privacy_level", "SELF_ONLY")));

        assertThat(id).isEqualTo("7345678901234567890");
        tiktok.verify(
                2,
                postRequestedFor(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                        .withRequestBody(equalToJson("{\"publish_id\": \"v_pub_url~v2.123\"}")));
    }

    @Test
    void mediaStillProcessingIsRetryableAndTheRetryWatchesTheSamePublishInsteadOfPostingAgain() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/"))
                .willReturn(okJson(ok("{\"publish_id\": \"v_pub_url~v2.456\"}"))));
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .willReturn(okJson(ok("{\"status\": \"PROCESSING_UPLOAD\"}"))));
        Publication publication = video("Slow upload", Map.of());

        PlatformError processing =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, publication));

        assertThat(processing.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(processing).hasMessageContaining("media still processing");
        tiktok.verify(3, postRequestedFor(urlPathEqualTo("/v2/post/publish/status/fetch/")));

        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .willReturn(okJson(ok("{\"status\": \"PUBLISH_COMPLETE\", \"publicaly_available_post_id\": []}"))));
        assertThat(provider.publish(ACCOUNT, publication)).isEqualTo("v_pub_url~v2.456");
        tiktok.verify(1, postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
    }

    @Test
    void aFailedPublishIsTerminalWithTikToksReason() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/"))
                .willReturn(okJson(ok("{\"publish_id\": \"v_pub_url~v2.789\"}"))));
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .willReturn(okJson(ok("{\"status\": \"FAILED\", \"fail_reason\": \"file_format_check_failed\"}"))));

        PlatformError failed =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, video("Bad file", Map.of())));

        assertThat(failed.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(failed).hasMessageContaining("file_format_check_failed");
    }

    @Test
    void photosArePostedThroughContentInit() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/content/init/"))
                .withRequestBody(equalToJson("""
                {"media_type": "PHOTO", "post_mode": "DIRECT_POST",
                 "post_info": {"title": "Two photos", "description": "Two photos\\nfrom the launch",
                               "privacy_level": "PUBLIC_TO_EVERYONE"},
                 "source_info": {"source": "PULL_FROM_URL", "photo_cover_index": 0,
                                 "photo_images": ["https://cdn.example/1.jpg", "https://cdn.example/2.jpg"]}}""", true, true))
                .willReturn(okJson(ok("{\"publish_id\": \"p_pub_url~v2.1\"}"))));
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .willReturn(
                        okJson(ok("{\"status\": \"PUBLISH_COMPLETE\", \"publicaly_available_post_id\": [\"7001\"]}"))));

        String id = provider.publish(
                ACCOUNT,
                new Publication(
                        "Two photos\nfrom the launch",
                        List.of(
                                new Publication.Medium("image", "https://cdn.example/1.jpg", "jpg"),
                                new Publication.Medium("image", "https://cdn.example/2.jpg", "jpg")),
                        Map.of()));

        assertThat(id).isEqualTo("7001");
    }

    @Test
    void refusalsAreClassifiedByTikToksErrorCodeEvenUnderHttp200() {
        stubInit(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(error("spam_risk_too_many_posts", "The user has posted too many times today")));
        PlatformError spam =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, video("a", Map.of())));
        assertThat(spam.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(spam).hasMessageContaining("spam_risk_too_many_posts").hasMessageContaining("too many times");

        stubInit(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(error("access_token_invalid", "The access token is invalid or not found in the request.")));
        PlatformError token =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, video("b", Map.of())));
        assertThat(token.isTokenRejected()).isTrue();
        assertThat(token.kind()).isEqualTo(PlatformError.Kind.TERMINAL);

        stubInit(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "30")
                .withHeader("Content-Type", "application/json")
                .withBody(error("rate_limit_exceeded", "API rate limit was exceeded")));
        PlatformError limited =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, video("c", Map.of())));
        assertThat(limited.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limited.httpStatus()).isEqualTo(429);

        stubInit(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(error("invalid_params", "privacy_level is not one of the creator's options")));
        PlatformError invalid =
                catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, video("d", Map.of())));
        assertThat(invalid.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(invalid).hasMessageContaining("privacy_level is not one of");

        stubInit(aResponse().withStatus(503).withBody("upstream unavailable"));
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, video("e", Map.of())))
                        .kind())
                .isEqualTo(PlatformError.Kind.RETRYABLE);

        stubInit(okJson(ok("{\"publish_id\": \"late\"}")).withFixedDelay(1500));
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.publish(ACCOUNT, video("f", Map.of())))
                        .kind())
                .isEqualTo(PlatformError.Kind.UNKNOWN);
    }

    @Test
    void aPostIsFoundAmongTheAccountsVideosByItsText() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/list/")).willReturn(okJson(ok("""
                {"videos": [
                   {"id": "7300000000000000002", "title": "Another one", "create_time": %d},
                   {"id": "7300000000000000001", "title": "Launch day #reach", "video_description": "Launch day #reach",
                    "create_time": %d},
                   {"id": "7200000000000000000", "title": "Launch day #reach", "create_time": %d}],
                 "cursor": 1, "has_more": false}""".formatted(
                        NOW.getEpochSecond(),
                        NOW.minusSeconds(30).getEpochSecond(),
                        NOW.minus(Duration.ofDays(3)).getEpochSecond())))));

        assertThat(provider.findPublished(ACCOUNT, video("Launch day #reach", Map.of()), NOW.minusSeconds(60)))
                .contains("7300000000000000001");
        assertThat(provider.findPublished(ACCOUNT, video("Never posted", Map.of()), NOW.minusSeconds(60)))
                .isEmpty();
        assertThat(tiktok.getAllServeEvents()
                        .get(0)
                        .getRequest()
                        .queryParameter("fields")
                        .firstValue())
                .isEqualTo("id,title,video_description,create_time");
    }

    @Test
    void recentVideosCarryTheirCountsWithViewsAsReach() {
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/list/"))
                .withRequestBody(equalToJson("{\"max_count\": 2}"))
                .willReturn(okJson(ok("""
                        {"videos": [{"id": "7301", "title": "First", "create_time": 1767225600,
                                     "share_url": "https://www.tiktok.com/@ada.codes/video/7301", "like_count": 40,
                                     "comment_count": 5, "share_count": 3, "view_count": 1000}],
                         "cursor": 1767225600000, "has_more": true}"""))));
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/list/"))
                .withRequestBody(equalToJson("{\"max_count\": 1, \"cursor\": 1767225600000}"))
                .willReturn(okJson(ok("""
                        {"videos": [{"id": "7300", "title": "Second", "create_time": 1767139200, "like_count": 1,
                                     "comment_count": 0, "share_count": 0, "view_count": 0}],
                         "cursor": 1767139200000, "has_more": true}"""))));
        tiktok.stubFor(post(urlPathEqualTo("/v2/video/query/"))
                .withRequestBody(equalToJson("{\"filters\": {\"video_ids\": [\"7301\"]}}"))
                .willReturn(okJson(ok("""
                        {"videos": [{"id": "7301", "title": "First", "create_time": 1767225600, "like_count": 41,
                                     "comment_count": 5, "share_count": 3, "view_count": 1100}]}"""))));

        List<SocialProvider.Content> recent = provider.recentContent(ACCOUNT, 2);

        assertThat(recent).extracting(SocialProvider.Content::platformPostId).containsExactly("7301", "7300");
        SocialProvider.Content first = recent.get(0);
        assertThat(first.url()).isEqualTo("https://www.tiktok.com/@ada.codes/video/7301");
        assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(first.reach()).isEqualTo(1000);
        assertThat(first.engagementRate()).isEqualTo(4.8);
        assertThat(provider.content(ACCOUNT, "7301").orElseThrow().reach()).isEqualTo(1100);
        assertThat(tiktok.findAll(postRequestedFor(urlPathEqualTo("/v2/video/list/")))
                        .get(0)
                        .queryParameter("fields")
                        .firstValue())
                .contains("view_count", "share_url", "like_count");
    }

    @Test
    void tikTokHasNoDeleteAndNoActions() {
        assertThat(catchThrowableOfType(PlatformError.class, () -> provider.delete(ACCOUNT, "7301"))
                        .kind())
                .isEqualTo(PlatformError.Kind.TERMINAL);
        assertThat(provider.poll(ACCOUNT, NOW)).isEmpty();
    }

    private void stubUserInfo() {
        tiktok.stubFor(get(urlPathEqualTo("/v2/user/info/"))
                .withHeader("Authorization", equalTo("Bearer act.tiktok"))
                .willReturn(okJson(ok("""
                        {"user": {"open_id": "open-123", "union_id": "union-9", "avatar_url": "https://p16.tiktokcdn.com/a.jpeg",
                                  "display_name": "Ada", "username": "ada.codes", "profile_deep_link": "https://vm.tiktok.com/ZMabc/",
                                  "is_verified": true, "follower_count": 5300, "following_count": 12, "likes_count": 99000,
                                  "video_count": 42}}"""))));
    }

    private void stubStatus(String state, String next, String data) {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .inScenario("status")
                .whenScenarioStateIs(state)
                .willReturn(okJson(ok(data)))
                .willSetStateTo(next));
    }

    private void stubInit(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        tiktok.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(response));
    }

    private static Publication video(String text, Map<String, Object> metadata) {
        return new Publication(
                text, List.of(new Publication.Medium("video", "https://cdn.example/launch.mp4", "mp4")), metadata);
    }

    private static String ok(String data) {
        return "{\"data\": " + data
                + ", \"error\": {\"code\": \"ok\", \"message\": \"\", \"log_id\": \"20260310120000ABC\"}}";
    }

    private static String error(String code, String message) {
        return "{\"data\": {}, \"error\": {\"code\": \"%s\", \"message\": \"%s\", \"log_id\": \"20260310120000DEF\"}}"
                .formatted(code, message);
    }

    private static Map<String, String> query(String query) {
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
