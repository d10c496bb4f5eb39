package io.reach.social.platform.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reach.social.PlatformError;
import io.reach.social.Publication;
import io.reach.social.platform.SocialProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Instagram adapter against WireMock speaking the Instagram API with Instagram Login. */
class InstagramProviderTest {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String USER = "17841400000000001";
    private static final SocialProvider.Account ACCOUNT = new SocialProvider.Account("ig-long", USER);

    private InstagramProvider instagram;

    @BeforeEach
    void instagram() {
        instagram = new InstagramProvider(
                "ig-client",
                "ig-secret",
                graph.baseUrl(),
                graph.baseUrl(),
                graph.baseUrl() + "/oauth/access_token",
                Duration.ofSeconds(2),
                3,
                Duration.ofMillis(10),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theAuthorizationDialogAsksForTheBusinessScopes() {
        URI url = instagram.authorizationUrl("sealed", "challenge", "https://reach.example/callback");

        assertThat(url.getPath()).isEqualTo("/oauth/authorize");
        assertThat(URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8))
                .contains(
                        "client_id=ig-client",
                        "response_type=code",
                        "state=sealed",
                        "scope=instagram_business_basic,instagram_business_content_publish,"
                                + "instagram_business_manage_comments,instagram_business_manage_insights");
    }

    @Test
    void theCodeBuysAShortLivedTokenTradedForALongLivedOneThatRefreshesItself() {
        graph.stubFor(post(urlPathEqualTo("/oauth/access_token"))
                .withRequestBody(containing("code=the-code"))
                .withRequestBody(containing("client_secret=ig-secret"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"data": [{"access_token": "ig-short", "user_id": "%s",
                          "permissions": "instagram_business_basic,instagram_business_content_publish"}]}""".formatted(USER))));
        graph.stubFor(get(urlPathEqualTo("/access_token"))
                .withQueryParam("grant_type", equalTo("ig_exchange_token"))
                .withQueryParam("client_secret", equalTo("ig-secret"))
                .withQueryParam("access_token", equalTo("ig-short"))
                .willReturn(okJson(
                        "{\"access_token\": \"ig-long\", \"token_type\": \"bearer\", \"expires_in\": 5183944}")));
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .withQueryParam("grant_type", equalTo("ig_refresh_token"))
                .withQueryParam("access_token", equalTo("ig-long"))
                .willReturn(okJson(
                        "{\"access_token\": \"ig-long-2\", \"token_type\": \"bearer\", \"expires_in\": 5183000}")));

        SocialProvider.Tokens tokens = instagram.exchange("the-code", "verifier", "https://reach.example/callback");
        SocialProvider.Tokens renewed = instagram.refresh(
                Objects.requireNonNull(tokens.refreshToken(), "the exchange returned a refresh token"));

        assertThat(tokens.accessToken()).isEqualTo("ig-long");
        assertThat(tokens.refreshToken()).isEqualTo("ig-long");
        assertThat(tokens.scopes()).isEqualTo("instagram_business_basic,instagram_business_content_publish");
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
        assertThat(renewed.accessToken()).isEqualTo("ig-long-2");
        assertThat(renewed.refreshToken()).isEqualTo("ig-long-2");
    }

    @Test
    void theProfileIsTheProfessionalAccountWithItsCounts() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/me"))
                .withHeader("Authorization", equalTo("Bearer ig-long"))
                .withQueryParam("fields", containing("user_id,username"))
                .willReturn(okJson("""
                        {"id": "app-scoped-1", "user_id": "%s", "username": "adas.bakery", "name": "Ada's Bakery",
                         "account_type": "BUSINESS", "profile_picture_url": "https://cdn.example/p.jpg",
                         "followers_count": 2400, "follows_count": 180, "media_count": 312}""".formatted(USER))));

        SocialProvider.Profile profile = instagram.profile("ig-long");

        assertThat(profile.platformUserId()).isEqualTo(USER);
        assertThat(profile.handle()).isEqualTo("@adas.bakery");
        assertThat(profile.url()).isEqualTo("https://www.instagram.com/adas.bakery");
        assertThat(profile.metadata())
                .containsEntry("followers_count", 2400L)
                .containsEntry("following_count", 180L)
                .containsEntry("media_count", 312L)
                .containsEntry("account_type", "BUSINESS");
    }

    @Test
    void anImageIsAContainerCheckedThenPublished() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media")).willReturn(okJson("{\"id\": \"c-1\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/c-1"))
                .withQueryParam("fields", equalTo("status_code,status"))
                .willReturn(okJson("{\"status_code\": \"FINISHED\", \"id\": \"c-1\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media_publish"))
                .withRequestBody(equalTo("creation_id=c-1"))
                .willReturn(okJson("{\"id\": \"18000000000000001\"}")));

        String id = instagram.publish(ACCOUNT, new Publication("Morning bake", List.of(image("a.jpg")), Map.of()));

        assertThat(id).isEqualTo("18000000000000001");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withHeader("Authorization", equalTo("Bearer ig-long"))
                .withRequestBody(equalTo("image_url=https%3A%2F%2Fcdn.example%2Fa.jpg&caption=Morning+bake")));
    }

    @Test
    void aVideoIsAReelPublishedOnceProcessingFinishes() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media")).willReturn(okJson("{\"id\": \"c-2\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/c-2"))
                .inScenario("reel")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"status_code\": \"IN_PROGRESS\"}"))
                .willSetStateTo("done"));
        graph.stubFor(get(urlPathEqualTo("/v21.0/c-2"))
                .inScenario("reel")
                .whenScenarioStateIs("done")
                .willReturn(okJson("{\"status_code\": \"FINISHED\"}")));
        graph.stubFor(
                post(urlPathEqualTo("/v21.0/" + USER + "/media_publish")).willReturn(okJson("{\"id\": \"r-1\"}")));

        String id = instagram.publish(ACCOUNT, new Publication("Reel", List.of(video("v.mp4")), Map.of()));

        assertThat(id).isEqualTo("r-1");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(containing("media_type=REELS"))
                .withRequestBody(containing("video_url=")));
        graph.verify(2, getRequestedFor(urlPathEqualTo("/v21.0/c-2")));
    }

    @Test
    void severalMediaMakeACarousel() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(containing("a.jpg"))
                .willReturn(okJson("{\"id\": \"item-a\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(containing("v.mp4"))
                .willReturn(okJson("{\"id\": \"item-v\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(containing("CAROUSEL"))
                .willReturn(okJson("{\"id\": \"carousel\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/item-v")).willReturn(okJson("{\"status_code\": \"FINISHED\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/carousel")).willReturn(okJson("{\"status_code\": \"FINISHED\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media_publish"))
                .withRequestBody(equalTo("creation_id=carousel"))
                .willReturn(okJson("{\"id\": \"album-1\"}")));

        String id =
                instagram.publish(ACCOUNT, new Publication("Both", List.of(image("a.jpg"), video("v.mp4")), Map.of()));

        assertThat(id).isEqualTo("album-1");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(equalTo("is_carousel_item=true&image_url=https%3A%2F%2Fcdn.example%2Fa.jpg")));
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(containing("is_carousel_item=true&media_type=VIDEO&video_url=")));
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(equalTo("media_type=CAROUSEL&children=item-a%2Citem-v&caption=Both")));
    }

    @Test
    void mediaStillProcessingAfterTheLastCheckIsRetryableAndNothingIsPublished() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media")).willReturn(okJson("{\"id\": \"c-3\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/c-3")).willReturn(okJson("{\"status_code\": \"IN_PROGRESS\"}")));

        assertThatThrownBy(() -> instagram.publish(ACCOUNT, new Publication("Slow", List.of(video("v.mp4")), Map.of())))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("media still processing");
                });
        graph.verify(3, getRequestedFor(urlPathEqualTo("/v21.0/c-3")));
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media_publish")));
    }

    @Test
    void mediaInstagramCannotProcessIsTerminalAndAnExpiredContainerRetryable() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(containing("bad.jpg"))
                .willReturn(okJson("{\"id\": \"c-bad\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withRequestBody(containing("old.jpg"))
                .willReturn(okJson("{\"id\": \"c-old\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/c-bad")).willReturn(okJson("""
                {"status_code": "ERROR", "status": "Error: The image's aspect ratio is not supported. (2207009)"}""")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/c-old")).willReturn(okJson("{\"status_code\": \"EXPIRED\"}")));

        assertThatThrownBy(
                        () -> instagram.publish(ACCOUNT, new Publication("Bad", List.of(image("bad.jpg")), Map.of())))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage()).contains("aspect ratio is not supported");
                });
        assertThatThrownBy(
                        () -> instagram.publish(ACCOUNT, new Publication("Old", List.of(image("old.jpg")), Map.of())))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE));
    }

    @Test
    void aPostWithoutMediaIsRefusedAndThereIsNoDeleting() {
        assertThatThrownBy(() -> instagram.publish(ACCOUNT, Publication.text("Just words")))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
        assertThatThrownBy(() -> instagram.delete(ACCOUNT, "18000000000000001"))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.getMessage()).contains("deleting posts"));
        assertThat(graph.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPublishedPostIsFoundByItsCaption() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withQueryParam("fields", equalTo("id,caption,timestamp"))
                .willReturn(okJson("""
                        {"data": [{"id": "m-2", "caption": "Morning bake", "timestamp": "2026-11-22T10:01:00+0000"},
                                  {"id": "m-1", "caption": "Morning bake", "timestamp": "2026-11-01T10:01:00+0000"}],
                         "paging": {"cursors": {"after": "x"}}}""")));

        assertThat(instagram.findPublished(ACCOUNT, Publication.text("Morning bake"), NOW))
                .contains("m-2");
        assertThat(instagram.findPublished(ACCOUNT, Publication.text("Evening bake"), NOW))
                .isEmpty();
    }

    @Test
    void metricsUseViewsWhereMetaRetiredImpressions() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/me")).willReturn(okJson("""
                {"followers_count": 2400, "follows_count": 180, "media_count": 312, "id": "x"}""")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + USER + "/insights"))
                .withQueryParam("metric", equalTo("reach,views,profile_views,accounts_engaged"))
                .withQueryParam("period", equalTo("day"))
                .withQueryParam("metric_type", equalTo("total_value"))
                .willReturn(okJson("""
                        {"data": [{"name": "reach", "period": "day", "total_value": {"value": 1500}, "id": "r"},
                                  {"name": "views", "period": "day", "total_value": {"value": 4200}, "id": "v"},
                                  {"name": "profile_views", "period": "day", "total_value": {"value": 96}, "id": "p"},
                                  {"name": "accounts_engaged", "period": "day", "total_value": {"value": 210}, "id": "a"}]}""")));

        SocialProvider.Metrics metrics = instagram.metrics(ACCOUNT).orElseThrow();

        assertThat(metrics.followers()).isEqualTo(2400);
        assertThat(metrics.following()).isEqualTo(180);
        assertThat(metrics.posts()).isEqualTo(312);
        assertThat(metrics.reach()).isEqualTo(1500);
        assertThat(metrics.impressions()).isEqualTo(4200);
        assertThat(metrics.profileViews()).isEqualTo(96);
        assertThat(metrics.engagement()).isEqualTo(210);
    }

    @Test
    void theAudienceComesFromFollowerDemographicsOneBreakdownAtATime() {
        stubDemographics(
                "age",
                "[{\"dimension_values\": [\"18-24\"], \"value\": 300}, "
                        + "{\"dimension_values\": [\"25-34\"], \"value\": 900}]");
        stubDemographics(
                "gender",
                "[{\"dimension_values\": [\"F\"], \"value\": 800}, "
                        + "{\"dimension_values\": [\"M\"], \"value\": 350}, {\"dimension_values\": [\"U\"], \"value\": 50}]");
        stubDemographics("country", "[{\"dimension_values\": [\"GB\"], \"value\": 1000}]");
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + USER + "/insights"))
                .withQueryParam("breakdown", equalTo("city"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"(#10) Not enough followers\", \"code\": 10}}")));

        SocialProvider.Audience audience = instagram.audience(ACCOUNT).orElseThrow();

        assertThat(audience.ageRanges()).containsEntry("18-24", 300L).containsEntry("25-34", 900L);
        assertThat(audience.genders())
                .containsEntry("female", 800L)
                .containsEntry("male", 350L)
                .containsEntry("unknown", 50L);
        assertThat(audience.countries()).containsEntry("GB", 1000L);
        assertThat(audience.cities()).isEmpty();
        assertThat(audience.date()).isEqualTo(NOW.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    @Test
    void recentMediaCarryTheirCountsAndInsights() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + USER + "/media"))
                .withQueryParam("limit", equalTo("5"))
                .willReturn(okJson("""
                        {"data": [{"id": "m-1", "caption": "Reel", "media_type": "VIDEO", "media_product_type": "REELS",
                          "permalink": "https://www.instagram.com/reel/abc/", "timestamp": "2026-11-20T12:00:00+0000",
                          "like_count": 50, "comments_count": 5},
                         {"id": "m-2", "caption": "Story", "media_type": "IMAGE", "media_product_type": "STORY",
                          "permalink": "https://www.instagram.com/stories/x/", "timestamp": "2026-11-21T12:00:00+0000",
                          "like_count": 0, "comments_count": 0}]}""")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/m-1/insights"))
                .withQueryParam("metric", equalTo("reach,saved,shares,views"))
                .willReturn(okJson("""
                        {"data": [{"name": "reach", "period": "lifetime", "values": [{"value": 600}]},
                                  {"name": "saved", "period": "lifetime", "values": [{"value": 20}]},
                                  {"name": "shares", "period": "lifetime", "values": [{"value": 15}]},
                                  {"name": "views", "period": "lifetime", "values": [{"value": 1800}]}]}""")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/m-2/insights"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"message\": \"(#100) metric[1] must be one of ...\", \"code\": 100}}")));

        List<SocialProvider.Content> content = instagram.recentContent(ACCOUNT, 5);

        assertThat(content).hasSize(2);
        assertThat(content.getFirst()).satisfies(reel -> {
            assertThat(reel.mediaType()).isEqualTo("reel");
            assertThat(reel.likes()).isEqualTo(50);
            assertThat(reel.saves()).isEqualTo(20);
            assertThat(reel.shares()).isEqualTo(15);
            assertThat(reel.reach()).isEqualTo(600);
            assertThat(reel.impressions()).isEqualTo(1800);
            assertThat(reel.engagementRate()).isEqualTo(15.0);
        });
        assertThat(content.get(1).reach()).isZero();
        assertThat(content.get(1).mediaType()).isEqualTo("photo");
    }

    @Test
    void onePostIsOneLookupOfItsMediaObjectAndInsightsNotOfTheList() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/m-7"))
                .withHeader("Authorization", equalTo("Bearer ig-long"))
                .withQueryParam(
                        "fields",
                        equalTo("id,caption,media_type,media_product_type,permalink,timestamp,"
                                + "like_count,comments_count"))
                .willReturn(okJson("""
                        {"id": "m-7", "caption": "Old loaf", "media_type": "CAROUSEL_ALBUM", "media_product_type": "FEED",
                         "permalink": "https://www.instagram.com/p/old/", "timestamp": "2025-01-02T08:00:00+0000",
                         "like_count": 70, "comments_count": 9}""")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/m-7/insights"))
                .withQueryParam("metric", equalTo("reach,saved,shares,views"))
                .willReturn(okJson("""
                        {"data": [{"name": "reach", "period": "lifetime", "values": [{"value": 800}]},
                                  {"name": "saved", "period": "lifetime", "values": [{"value": 11}]},
                                  {"name": "shares", "period": "lifetime", "values": [{"value": 10}]},
                                  {"name": "views", "period": "lifetime", "values": [{"value": 2000}]}]}""")));

        SocialProvider.Content post = instagram.content(ACCOUNT, "m-7").orElseThrow();

        assertThat(post.platformPostId()).isEqualTo("m-7");
        assertThat(post.url()).isEqualTo("https://www.instagram.com/p/old/");
        assertThat(post.caption()).isEqualTo("Old loaf");
        assertThat(post.mediaType()).isEqualTo("carousel");
        assertThat(post.postedAt()).isEqualTo(Instant.parse("2025-01-02T08:00:00Z"));
        assertThat(List.of(
                        post.likes(), post.comments(), post.shares(), post.saves(), post.reach(), post.impressions()))
                .containsExactly(70L, 9L, 10L, 11L, 800L, 2000L);
        assertThat(post.engagementRate()).isEqualTo(12.5);
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v21.0/m-7")));
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v21.0/m-7/insights")));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media")));
        assertThat(graph.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aPostThatIsGoneIsEmptyWhileARateLimitStillCounts() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/m-gone"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "Unsupported get request. Object with ID 'm-gone' does not exist, cannot be \
                        loaded due to missing permissions, or does not support this operation", "type": "IGApiException",
                         "code": 100, "error_subcode": 33, "fbtrace_id": "AkL1"}}""")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/m-busy"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Application request limit reached\", \"code\": 4}}")));

        assertThat(instagram.content(ACCOUNT, "m-gone")).isEmpty();
        assertThatThrownBy(() -> instagram.content(ACCOUNT, "m-busy"))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v21.0/m-gone/insights")));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v21.0/" + USER + "/media")));
    }

    @Test
    void aReplyCommentsOnAPostOrAnswersAComment() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/media-1"))
                .willReturn(okJson("{\"id\": \"media-1\", \"media_type\": \"IMAGE\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/comment-1"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "(#100) Tried accessing nonexisting field (media_type) on node type (IGCommentForIGUser)",
                         "type": "OAuthException", "code": 100}}""")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/media-1/comments")).willReturn(okJson("{\"id\": \"c-10\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/comment-1/replies")).willReturn(okJson("{\"id\": \"c-11\"}")));

        assertThat(instagram.act(ACCOUNT, new SocialProvider.Action("reply", "media-1", null, "First!")))
                .isEqualTo("c-10");
        assertThat(instagram.act(ACCOUNT, new SocialProvider.Action("reply", "comment-1", null, "Thanks")))
                .isEqualTo("c-11");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/media-1/comments"))
                .withRequestBody(equalTo("message=First%21")));
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/comment-1/replies"))
                .withRequestBody(equalTo("message=Thanks")));
    }

    @Test
    void aDirectMessageGoesToTheRecipient() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + USER + "/messages"))
                .withRequestBody(
                        equalToJson("{\"recipient\": {\"id\": \"igsid-5\"}, \"message\": {\"text\": \"Hi there\"}}"))
                .willReturn(okJson("{\"recipient_id\": \"igsid-5\", \"message_id\": \"mid.1\"}")));

        assertThat(instagram.act(ACCOUNT, new SocialProvider.Action("dm", null, "igsid-5", "Hi there")))
                .isEqualTo("mid.1");
        assertThatThrownBy(() -> instagram.act(ACCOUNT, new SocialProvider.Action("like", "media-1", null, null)))
                .isInstanceOf(PlatformError.class);
    }

    private void stubDemographics(String breakdown, String results) {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + USER + "/insights"))
                .withQueryParam("breakdown", equalTo(breakdown))
                .withQueryParam("metric", equalTo("follower_demographics"))
                .withQueryParam("period", equalTo("lifetime"))
                .withQueryParam("metric_type", equalTo("total_value"))
                .willReturn(okJson("""
                        {"data": [{"name": "follower_demographics", "period": "lifetime",
                          "total_value": {"breakdowns": [{"dimension_keys": ["%s"], "results": %s}]}, "id": "d"}]}""".formatted(breakdown, results))));
    }

    private static Publication.Medium image(String name) {
        return new Publication.Medium("image", "https://cdn.example/" + name, "jpg");
    }

    private static Publication.Medium video(String name) {
        return new Publication.Medium("video", "https://cdn.example/" + name, "mp4");
    }
}
