package io.reach.social.platform.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

/** The Threads adapter against WireMock speaking the Threads API (graph.threads.net v1.0). */
class ThreadsProviderTest {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String USER = "26000000000000001";
    private static final SocialProvider.Account ACCOUNT = new SocialProvider.Account("th-long", USER);

    private ThreadsProvider threads;

    @BeforeEach
    void threads() {
        threads = new ThreadsProvider(
                "th-client",
                "th-secret",
                graph.baseUrl(),
                graph.baseUrl(),
                Duration.ofSeconds(2),
                3,
                Duration.ofMillis(10),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theAuthorizationDialogAsksForTheThreadsScopes() {
        URI url = threads.authorizationUrl("sealed", "challenge", "https://reach.example/callback");

        assertThat(url.getPath()).isEqualTo("/oauth/authorize");
        assertThat(URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8))
                .contains(
                        "client_id=th-client",
                        "state=sealed",
                        "scope=threads_basic,threads_content_publish,threads_manage_insights,threads_manage_replies");
    }

    @Test
    void tokensAreExchangedForLongLivedOnesAndRefreshed() {
        graph.stubFor(post(urlPathEqualTo("/oauth/access_token"))
                .withRequestBody(containing("code=the-code"))
                .withRequestBody(containing("client_id=th-client"))
                .willReturn(okJson("{\"access_token\": \"th-short\", \"user_id\": " + USER + "}")));
        graph.stubFor(get(urlPathEqualTo("/access_token"))
                .withQueryParam("grant_type", equalTo("th_exchange_token"))
                .withQueryParam("access_token", equalTo("th-short"))
                .withQueryParam("client_secret", equalTo("th-secret"))
                .willReturn(okJson(
                        "{\"access_token\": \"th-long\", \"token_type\": \"bearer\", \"expires_in\": 5184000}")));
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .withQueryParam("grant_type", equalTo("th_refresh_token"))
                .withQueryParam("access_token", equalTo("th-long"))
                .willReturn(okJson(
                        "{\"access_token\": \"th-long-2\", \"token_type\": \"bearer\", \"expires_in\": 5184000}")));

        SocialProvider.Tokens tokens = threads.exchange("the-code", "verifier", "https://reach.example/callback");
        SocialProvider.Tokens renewed =
                threads.refresh(Objects.requireNonNull(tokens.refreshToken(), "the exchange returned a refresh token"));

        assertThat(tokens.accessToken()).isEqualTo("th-long");
        assertThat(tokens.refreshToken()).isEqualTo("th-long");
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(5184000));
        assertThat(tokens.scopes()).contains("threads_content_publish");
        assertThat(renewed.accessToken()).isEqualTo("th-long-2");
    }

    @Test
    void theProfileNamesTheThreadsUser() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/me"))
                .withHeader("Authorization", equalTo("Bearer th-long"))
                .willReturn(okJson("""
                        {"id": "%s", "username": "ada.bakes", "name": "Ada",
                         "threads_profile_picture_url": "https://cdn.example/t.jpg"}""".formatted(USER))));

        SocialProvider.Profile profile = threads.profile("th-long");

        assertThat(profile.platformUserId()).isEqualTo(USER);
        assertThat(profile.handle()).isEqualTo("@ada.bakes");
        assertThat(profile.url()).isEqualTo("https://www.threads.net/@ada.bakes");
    }

    @Test
    void aTextThreadIsAContainerCheckedThenPublished() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads")).willReturn(okJson("{\"id\": \"ct-1\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/ct-1"))
                .withQueryParam("fields", equalTo("status,error_message"))
                .inScenario("text")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"status\": \"IN_PROGRESS\", \"id\": \"ct-1\"}"))
                .willSetStateTo("ready"));
        graph.stubFor(get(urlPathEqualTo("/v1.0/ct-1"))
                .inScenario("text")
                .whenScenarioStateIs("ready")
                .willReturn(okJson("{\"status\": \"FINISHED\", \"id\": \"ct-1\"}")));
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads_publish"))
                .withRequestBody(equalTo("creation_id=ct-1"))
                .willReturn(okJson("{\"id\": \"t-1\"}")));

        assertThat(threads.publish(ACCOUNT, Publication.text("Hello Threads"))).isEqualTo("t-1");
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withHeader("Authorization", equalTo("Bearer th-long"))
                .withRequestBody(equalTo("media_type=TEXT&text=Hello+Threads")));
    }

    @Test
    void imagesAndVideosGoAloneOrAsACarousel() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withRequestBody(containing("a.jpg"))
                .willReturn(okJson("{\"id\": \"i-a\"}")));
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withRequestBody(containing("b.jpg"))
                .willReturn(okJson("{\"id\": \"i-b\"}")));
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withRequestBody(containing("CAROUSEL"))
                .willReturn(okJson("{\"id\": \"car\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/car")).willReturn(okJson("{\"status\": \"FINISHED\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/i-a")).willReturn(okJson("{\"status\": \"FINISHED\"}")));
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads_publish"))
                .withRequestBody(equalTo("creation_id=car"))
                .willReturn(okJson("{\"id\": \"t-car\"}")));
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads_publish"))
                .withRequestBody(equalTo("creation_id=i-a"))
                .willReturn(okJson("{\"id\": \"t-single\"}")));

        String carousel =
                threads.publish(ACCOUNT, new Publication("Two", List.of(image("a.jpg"), image("b.jpg")), Map.of()));
        String single = threads.publish(ACCOUNT, new Publication("One", List.of(image("a.jpg")), Map.of()));

        assertThat(carousel).isEqualTo("t-car");
        assertThat(single).isEqualTo("t-single");
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withRequestBody(
                        equalTo("media_type=IMAGE&image_url=https%3A%2F%2Fcdn.example%2Fb.jpg&is_carousel_item=true")));
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withRequestBody(equalTo("media_type=CAROUSEL&children=i-a%2Ci-b&text=Two")));
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withRequestBody(equalTo("media_type=IMAGE&image_url=https%3A%2F%2Fcdn.example%2Fa.jpg&text=One")));
    }

    @Test
    void aContainerThreadsCouldNotProcessSaysWhy() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads")).willReturn(okJson("{\"id\": \"bad\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/bad")).willReturn(okJson("""
                {"status": "ERROR", "error_message": "FAILED_DOWNLOADING_VIDEO", "id": "bad"}""")));

        assertThatThrownBy(() -> threads.publish(
                        ACCOUNT,
                        new Publication(
                                "Video",
                                List.of(new Publication.Medium("video", "https://cdn.example/v.mp4", "mp4")),
                                Map.of())))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL);
                    assertThat(e.getMessage()).contains("FAILED_DOWNLOADING_VIDEO");
                });
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads_publish")));
    }

    @Test
    void aThreadIsFoundByItsTextAndCanBeDeleted() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withQueryParam("fields", equalTo("id,text,timestamp"))
                .willReturn(okJson("""
                        {"data": [{"id": "t-9", "text": "Hello Threads", "timestamp": "2026-11-22T10:00:05+0000"}]}""")));
        graph.stubFor(
                delete(urlPathEqualTo("/v1.0/t-9")).willReturn(okJson("{\"success\": true, \"deleted_id\": \"t-9\"}")));

        assertThat(threads.findPublished(ACCOUNT, Publication.text("Hello Threads"), NOW))
                .contains("t-9");
        threads.delete(ACCOUNT, "t-9");

        graph.verify(
                deleteRequestedFor(urlPathEqualTo("/v1.0/t-9")).withHeader("Authorization", equalTo("Bearer th-long")));
    }

    @Test
    void metricsCountFollowersProfileViewsAndInteractions() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/" + USER + "/threads_insights"))
                .withQueryParam("metric", equalTo("views,likes,replies,reposts,quotes,followers_count"))
                .willReturn(okJson("""
                        {"data": [
                          {"name": "views", "period": "day", "values": [{"value": 10, "end_time": "2026-11-21T08:00:00+0000"},
                                                                        {"value": 25, "end_time": "2026-11-22T08:00:00+0000"}]},
                          {"name": "likes", "period": "day", "total_value": {"value": 40}},
                          {"name": "replies", "period": "day", "total_value": {"value": 8}},
                          {"name": "reposts", "period": "day", "total_value": {"value": 3}},
                          {"name": "quotes", "period": "day", "total_value": {"value": 1}},
                          {"name": "followers_count", "period": "day", "total_value": {"value": 512}}]}""")));

        SocialProvider.Metrics metrics = threads.metrics(ACCOUNT).orElseThrow();

        assertThat(metrics.followers()).isEqualTo(512);
        assertThat(metrics.profileViews()).isEqualTo(25);
        assertThat(metrics.engagement()).isEqualTo(52);
        assertThat(metrics.extra()).containsEntry("likes", 40L);
    }

    @Test
    void theAudienceComesFromFollowerDemographics() {
        for (String breakdown : List.of("age", "gender", "country", "city")) {
            String value = switch (breakdown) {
                case "age" -> "25-34";
                case "gender" -> "F";
                case "country" -> "US";
                default -> "Chicago, Illinois";
            };
            graph.stubFor(get(urlPathEqualTo("/v1.0/" + USER + "/threads_insights"))
                    .withQueryParam("metric", equalTo("follower_demographics"))
                    .withQueryParam("breakdown", equalTo(breakdown))
                    .willReturn(okJson("""
                            {"data": [{"name": "follower_demographics", "period": "lifetime", "total_value": {"breakdowns": [
                              {"dimension_keys": ["%s"], "results": [{"dimension_values": ["%s"], "value": 120}]}]}}]}""".formatted(breakdown, value))));
        }

        SocialProvider.Audience audience = threads.audience(ACCOUNT).orElseThrow();

        assertThat(audience.ageRanges()).containsExactly(Map.entry("25-34", 120L));
        assertThat(audience.genders()).containsExactly(Map.entry("female", 120L));
        assertThat(audience.countries()).containsExactly(Map.entry("US", 120L));
        assertThat(audience.cities()).containsExactly(Map.entry("Chicago, Illinois", 120L));
    }

    @Test
    void recentThreadsCarryTheirInsights() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withQueryParam("limit", equalTo("3"))
                .willReturn(okJson("""
                        {"data": [{"id": "t-1", "media_product_type": "THREADS", "media_type": "TEXT_POST",
                          "permalink": "https://www.threads.net/@ada.bakes/post/abc", "text": "Hi",
                          "timestamp": "2026-11-21T09:00:00+0000"}]}""")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/t-1/insights"))
                .withQueryParam("metric", equalTo("views,likes,replies,reposts,quotes,shares"))
                .willReturn(okJson("""
                        {"data": [{"name": "views", "period": "lifetime", "values": [{"value": 400}]},
                                  {"name": "likes", "period": "lifetime", "values": [{"value": 30}]},
                                  {"name": "replies", "period": "lifetime", "values": [{"value": 4}]},
                                  {"name": "reposts", "period": "lifetime", "values": [{"value": 2}]},
                                  {"name": "quotes", "period": "lifetime", "values": [{"value": 1}]},
                                  {"name": "shares", "period": "lifetime", "values": [{"value": 3}]}]}""")));

        SocialProvider.Content post = threads.recentContent(ACCOUNT, 3).getFirst();

        assertThat(post.mediaType()).isEqualTo("text");
        assertThat(post.likes()).isEqualTo(30);
        assertThat(post.comments()).isEqualTo(4);
        assertThat(post.shares()).isEqualTo(6);
        assertThat(post.impressions()).isEqualTo(400);
        assertThat(post.engagementRate()).isEqualTo(10.0);
    }

    @Test
    void oneThreadIsOneLookupOfItsMediaObjectAndInsightsNotOfTheList() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/t-4"))
                .withHeader("Authorization", equalTo("Bearer th-long"))
                .withQueryParam("fields", equalTo("id,text,permalink,timestamp,media_type"))
                .willReturn(okJson("""
                        {"id": "t-4", "text": "Crumb shot", "media_type": "IMAGE", "timestamp": "2025-06-01T18:30:00+0000",
                         "permalink": "https://www.threads.net/@ada.bakes/post/xyz"}""")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/t-4/insights"))
                .withQueryParam("metric", equalTo("views,likes,replies,reposts,quotes,shares"))
                .willReturn(okJson("""
                        {"data": [{"name": "views", "period": "lifetime", "values": [{"value": 200}]},
                                  {"name": "likes", "period": "lifetime", "values": [{"value": 12}]},
                                  {"name": "replies", "period": "lifetime", "values": [{"value": 5}]},
                                  {"name": "reposts", "period": "lifetime", "values": [{"value": 1}]},
                                  {"name": "quotes", "period": "lifetime", "values": [{"value": 1}]},
                                  {"name": "shares", "period": "lifetime", "values": [{"value": 1}]}]}""")));

        SocialProvider.Content post = threads.content(ACCOUNT, "t-4").orElseThrow();

        assertThat(post.platformPostId()).isEqualTo("t-4");
        assertThat(post.url()).isEqualTo("https://www.threads.net/@ada.bakes/post/xyz");
        assertThat(post.mediaType()).isEqualTo("photo");
        assertThat(post.postedAt()).isEqualTo(Instant.parse("2025-06-01T18:30:00Z"));
        assertThat(List.of(post.likes(), post.comments(), post.shares(), post.reach(), post.impressions()))
                .containsExactly(12L, 5L, 3L, 200L, 200L);
        assertThat(post.engagementRate()).isEqualTo(10.0);
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/t-4")));
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/t-4/insights")));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads")));
        assertThat(graph.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aThreadThatIsGoneIsEmptyWhileAServerErrorStillCounts() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/t-gone")).willReturn(aResponse().withStatus(404)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/t-old"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "Unsupported get request. Object with ID 't-old' does not exist",
                         "type": "THApiException", "code": 100, "error_subcode": 33}}""")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/t-down")).willReturn(aResponse().withStatus(503)));

        assertThat(threads.content(ACCOUNT, "t-gone")).isEmpty();
        assertThat(threads.content(ACCOUNT, "t-old")).isEmpty();
        assertThatThrownBy(() -> threads.content(ACCOUNT, "t-down"))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/t-gone/insights")));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads")));
    }

    @Test
    void aReplyIsAThreadInReplyAndARepostIsOneCall() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/" + USER + "/threads")).willReturn(okJson("{\"id\": \"reply-c\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/reply-c")).willReturn(okJson("{\"status\": \"FINISHED\"}")));
        graph.stubFor(
                post(urlPathEqualTo("/v1.0/" + USER + "/threads_publish")).willReturn(okJson("{\"id\": \"t-reply\"}")));
        graph.stubFor(post(urlPathEqualTo("/v1.0/t-5/repost")).willReturn(okJson("{\"id\": \"t-repost\"}")));

        assertThat(threads.act(ACCOUNT, new SocialProvider.Action("reply", "t-5", null, "Agreed")))
                .isEqualTo("t-reply");
        assertThat(threads.act(ACCOUNT, new SocialProvider.Action("repost", "t-5", null, null)))
                .isEqualTo("t-repost");
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withRequestBody(equalTo("media_type=TEXT&text=Agreed&reply_to_id=t-5")));
        assertThatThrownBy(() -> threads.act(ACCOUNT, new SocialProvider.Action("dm", null, "x", "hi")))
                .isInstanceOf(PlatformError.class);
    }

    @Test
    void anExpiredTokenAndARateLimitAreToldApart() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withHeader("Authorization", equalTo("Bearer th-long"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "Error validating access token", "type": "OAuthException", "code": 190}}""")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/" + USER + "/threads"))
                .withHeader("Authorization", equalTo("Bearer busy"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "90")));

        assertThatThrownBy(() -> threads.findPublished(ACCOUNT, Publication.text("x"), NOW))
                .isInstanceOfSatisfying(
                        PlatformError.class,
                        e -> assertThat(e.isTokenRejected()).isTrue());
        assertThatThrownBy(() ->
                        threads.findPublished(new SocialProvider.Account("busy", USER), Publication.text("x"), NOW))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(90));
                });
        graph.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/" + USER + "/threads")));
    }

    private static Publication.Medium image(String name) {
        return new Publication.Medium("image", "https://cdn.example/" + name, "jpg");
    }
}
