package io.reach.social.platform.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Facebook Pages adapter against WireMock speaking Graph API v21.0. */
class FacebookProviderTest {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String PAGE = "104857600123";
    private static final SocialProvider.Account ACCOUNT = new SocialProvider.Account("user-long", PAGE);

    private FacebookProvider facebook;

    @BeforeEach
    void facebook() {
        facebook = new FacebookProvider(
                "fb-client",
                "fb-secret",
                graph.baseUrl(),
                graph.baseUrl(),
                Duration.ofSeconds(2),
                Clock.fixed(NOW, ZoneOffset.UTC));
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE))
                .withQueryParam("fields", equalTo("access_token"))
                .withHeader("Authorization", equalTo("Bearer user-long"))
                .willReturn(okJson("{\"access_token\": \"page-token\", \"id\": \"" + PAGE + "\"}")));
    }

    @Test
    void theLoginDialogAsksForPageScopesWithPkce() {
        URI url = facebook.authorizationUrl("sealed-state", "challenge-123", "https://reach.example/callback");

        assertThat(url.getPath()).isEqualTo("/v21.0/dialog/oauth");
        assertThat(decoded(url))
                .contains(
                        "client_id=fb-client",
                        "state=sealed-state",
                        "code_challenge=challenge-123",
                        "code_challenge_method=S256",
                        "response_type=code",
                        "redirect_uri=https://reach.example/callback",
                        "pages_manage_posts",
                        "read_insights");
    }

    @Test
    void theCodeBuysALongLivedUserTokenThatAlsoRefreshesIt() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/oauth/access_token"))
                .withQueryParam("code", equalTo("the-code"))
                .withQueryParam("code_verifier", equalTo("the-verifier"))
                .withQueryParam("client_secret", equalTo("fb-secret"))
                .withQueryParam("redirect_uri", equalTo("https://reach.example/callback"))
                .willReturn(okJson(
                        "{\"access_token\": \"user-short\", \"token_type\": \"bearer\", \"expires_in\": 5400}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo("user-short"))
                .withQueryParam("client_id", equalTo("fb-client"))
                .willReturn(okJson(
                        "{\"access_token\": \"user-long\", \"token_type\": \"bearer\", \"expires_in\": 5183944}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo("user-long"))
                .willReturn(okJson("{\"access_token\": \"user-long-2\", \"token_type\": \"bearer\"}")));

        SocialProvider.Tokens tokens = facebook.exchange("the-code", "the-verifier", "https://reach.example/callback");
        SocialProvider.Tokens renewed = facebook.refresh(
                Objects.requireNonNull(tokens.refreshToken(), "the exchange returned a refresh token"));

        assertThat(tokens.accessToken()).isEqualTo("user-long");
        assertThat(tokens.refreshToken()).isEqualTo("user-long");
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
        assertThat(tokens.scopes()).contains("pages_manage_posts");
        assertThat(renewed.accessToken()).isEqualTo("user-long-2");
        assertThat(renewed.refreshToken()).isEqualTo("user-long-2");
        assertThat(renewed.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(60)));
    }

    @Test
    void aRefusedCodeIsTheConnectionsProblemAndRepeatsNoSecret() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/oauth/access_token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "This authorization code has been used.", "type": "OAuthException",
                         "code": 100, "fbtrace_id": "Ax1"}}""")));

        assertThatThrownBy(() -> facebook.exchange("used-code", "v", "https://reach.example/callback"))
                .isInstanceOf(ProviderRefused.class)
                .hasMessageContaining("This authorization code has been used.")
                .hasMessageNotContaining("fb-secret")
                .hasMessageNotContaining("used-code");
    }

    @Test
    void theAccountIsTheFirstPageAndItsTokenIsNotKept() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/me/accounts"))
                .withQueryParam("fields", equalTo("id,name,link,fan_count,followers_count,access_token"))
                .withHeader("Authorization", equalTo("Bearer user-long"))
                .willReturn(okJson("""
                        {"data": [{"id": "%s", "name": "Ada's Bakery", "link": "https://www.facebook.com/adasbakery",
                          "fan_count": 1200, "followers_count": 1350, "access_token": "page-token"},
                         {"id": "999", "name": "Second Page", "access_token": "other-page-token"}],
                         "paging": {"cursors": {"before": "a", "after": "b"}}}""".formatted(PAGE))));

        SocialProvider.Profile profile = facebook.profile("user-long");

        assertThat(profile.platformUserId()).isEqualTo(PAGE);
        assertThat(profile.handle()).isEqualTo("Ada's Bakery");
        assertThat(profile.url()).isEqualTo("https://www.facebook.com/adasbakery");
        assertThat(profile.metadata()).containsEntry("followers_count", 1350L).containsEntry("fan_count", 1200L);
        assertThat(profile.toString()).doesNotContain("page-token");
    }

    @Test
    void aUserWithoutPagesCannotConnect() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/me/accounts")).willReturn(okJson("{\"data\": []}")));

        assertThatThrownBy(() -> facebook.profile("user-long")).isInstanceOf(ProviderRefused.class);
    }

    @Test
    void textGoesToTheFeedAsThePageWithATokenAskedForThisCall() {
        graph.stubFor(
                post(urlPathEqualTo("/v21.0/" + PAGE + "/feed")).willReturn(okJson("{\"id\": \"" + PAGE + "_555\"}")));

        String id = facebook.publish(ACCOUNT, Publication.text("Fresh bread at 7"));

        assertThat(id).isEqualTo(PAGE + "_555");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/feed"))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .withRequestBody(equalTo("message=Fresh+bread+at+7")));
        graph.verify(
                1, getRequestedFor(urlPathEqualTo("/v21.0/" + PAGE)).withQueryParam("fields", equalTo("access_token")));
    }

    @Test
    void oneImageIsAPhotoPost() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "/photos"))
                .willReturn(okJson("{\"id\": \"778\", \"post_id\": \"" + PAGE + "_779\"}")));

        String id = facebook.publish(
                ACCOUNT, new Publication("Croissants", List.of(image("https://cdn.example/c.jpg")), Map.of()));

        assertThat(id).isEqualTo(PAGE + "_779");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/photos"))
                .withRequestBody(containing("url=https%3A%2F%2Fcdn.example%2Fc.jpg"))
                .withRequestBody(containing("caption=Croissants"))
                .withRequestBody(notContaining("published")));
    }

    @Test
    void aVideoGoesToVideosByUrl() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "/videos")).willReturn(okJson("{\"id\": \"8080\"}")));

        String id = facebook.publish(
                ACCOUNT,
                new Publication(
                        "Behind the scenes",
                        List.of(new Publication.Medium("video", "https://cdn.example/v.mp4", "mp4")),
                        Map.of()));

        assertThat(id).isEqualTo("8080");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/videos"))
                .withRequestBody(containing("file_url=https%3A%2F%2Fcdn.example%2Fv.mp4"))
                .withRequestBody(containing("description=Behind+the+scenes")));
    }

    @Test
    void severalImagesAreUploadedUnpublishedThenAttachedToOnePost() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "/photos"))
                .withRequestBody(containing("a.jpg"))
                .willReturn(okJson("{\"id\": \"9001\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "/photos"))
                .withRequestBody(containing("b.jpg"))
                .willReturn(okJson("{\"id\": \"9002\"}")));
        graph.stubFor(
                post(urlPathEqualTo("/v21.0/" + PAGE + "/feed")).willReturn(okJson("{\"id\": \"" + PAGE + "_9\"}")));

        String id = facebook.publish(
                ACCOUNT,
                new Publication(
                        "Two loaves",
                        List.of(image("https://cdn.example/a.jpg"), image("https://cdn.example/b.jpg")),
                        Map.of()));

        assertThat(id).isEqualTo(PAGE + "_9");
        graph.verify(
                2,
                postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/photos"))
                        .withRequestBody(containing("published=false")));
        String feed = URLDecoder.decode(
                graph.findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/feed")))
                        .getFirst()
                        .getBodyAsString(),
                StandardCharsets.UTF_8);
        assertThat(feed)
                .contains(
                        "message=Two loaves",
                        "attached_media[0]={\"media_fbid\":\"9001\"}",
                        "attached_media[1]={\"media_fbid\":\"9002\"}");
    }

    @Test
    void aVideoWithOtherMediaIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> facebook.publish(
                        ACCOUNT,
                        new Publication(
                                "Mixed",
                                List.of(
                                        image("https://cdn.example/a.jpg"),
                                        new Publication.Medium("video", "https://cdn.example/v.mp4", "mp4")),
                                Map.of())))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.TERMINAL));
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/videos")));
    }

    @Test
    void aPublishedPostIsFoundByItsMessageSinceTheScheduledTime() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "/posts"))
                .withQueryParam("fields", equalTo("id,message,created_time"))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .willReturn(okJson("""
                        {"data": [{"id": "%1$s_3", "message": "Hello", "created_time": "2026-11-22T09:59:30+0000"},
                                  {"id": "%1$s_2", "message": "Hello", "created_time": "2026-11-20T08:00:00+0000"},
                                  {"id": "%1$s_1", "message": "Other", "created_time": "2026-11-22T09:59:59+0000"}]}""".formatted(PAGE))));

        assertThat(facebook.findPublished(ACCOUNT, Publication.text("Hello"), NOW))
                .contains(PAGE + "_3");
        assertThat(facebook.findPublished(ACCOUNT, Publication.text("Missing"), NOW))
                .isEmpty();
    }

    @Test
    void aPostIsDeletedAsThePage() {
        graph.stubFor(delete(urlPathEqualTo("/v21.0/" + PAGE + "_3")).willReturn(okJson("{\"success\": true}")));

        facebook.delete(ACCOUNT, PAGE + "_3");

        graph.verify(deleteRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "_3"))
                .withHeader("Authorization", equalTo("Bearer page-token")));
    }

    @Test
    void metricsComeFromThePageAndItsDailyInsights() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE))
                .withQueryParam("fields", equalTo("fan_count,followers_count"))
                .willReturn(okJson("{\"fan_count\": 1200, \"followers_count\": 1350, \"id\": \"" + PAGE + "\"}")));
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "/insights"))
                .withQueryParam("period", equalTo("day"))
                .withQueryParam("metric", equalTo(FacebookProvider.PAGE_METRICS))
                .willReturn(okJson("""
                        {"data": [
                          {"name": "page_media_view", "period": "day", "values": [
                            {"value": 800, "end_time": "2026-11-21T08:00:00+0000"},
                            {"value": 950, "end_time": "2026-11-22T08:00:00+0000"}]},
                          {"name": "page_total_media_view_unique", "period": "day", "values": [
                            {"value": 500, "end_time": "2026-11-21T08:00:00+0000"},
                            {"value": 610, "end_time": "2026-11-22T08:00:00+0000"}]},
                          {"name": "page_post_engagements", "period": "day", "values": [{"value": 77}]},
                          {"name": "page_views_total", "period": "day", "values": [{"value": 31}]}]}""")));

        SocialProvider.Metrics metrics = facebook.metrics(ACCOUNT).orElseThrow();

        assertThat(metrics.followers()).isEqualTo(1350);
        assertThat(metrics.impressions()).isEqualTo(950);
        assertThat(metrics.reach()).isEqualTo(610);
        assertThat(metrics.engagement()).isEqualTo(77);
        assertThat(metrics.profileViews()).isEqualTo(31);
        assertThat(metrics.extra()).containsEntry("fan_count", 1200L);
    }

    @Test
    void insightsMetaNoLongerReportsLeaveTheCountsStanding() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE))
                .withQueryParam("fields", equalTo("fan_count,followers_count"))
                .willReturn(okJson("{\"fan_count\": 10, \"followers_count\": 12}")));
        graph.stubFor(
                get(urlPathEqualTo("/v21.0/" + PAGE + "/insights"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": {\"message\": \"(#100) The value must be a valid insights metric\", \"code\": 100}}")));

        SocialProvider.Metrics metrics = facebook.metrics(ACCOUNT).orElseThrow();

        assertThat(metrics.followers()).isEqualTo(12);
        assertThat(metrics.impressions()).isZero();
    }

    @Test
    void recentPostsCarryReactionsCommentsSharesAndReach() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "/posts"))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("fields", containing("reactions.summary(true)"))
                .willReturn(okJson("""
                        {"data": [{"id": "%1$s_7", "message": "Sourdough day", "created_time": "2026-11-21T07:00:00+0000",
                          "permalink_url": "https://www.facebook.com/%1$s/posts/7", "shares": {"count": 4},
                          "reactions": {"data": [], "summary": {"total_count": 40}},
                          "comments": {"data": [], "summary": {"order": "ranked", "total_count": 6}}}]}""".formatted(PAGE))));
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "_7/insights")).willReturn(okJson("""
                {"data": [{"name": "post_total_media_view_unique", "period": "lifetime", "values": [{"value": 500}]},
                          {"name": "post_media_view", "period": "lifetime", "values": [{"value": 720}]}]}""")));

        List<SocialProvider.Content> content = facebook.recentContent(ACCOUNT, 10);

        assertThat(content).singleElement().satisfies(post -> {
            assertThat(post.platformPostId()).isEqualTo(PAGE + "_7");
            assertThat(post.likes()).isEqualTo(40);
            assertThat(post.comments()).isEqualTo(6);
            assertThat(post.shares()).isEqualTo(4);
            assertThat(post.reach()).isEqualTo(500);
            assertThat(post.impressions()).isEqualTo(720);
            assertThat(post.postedAt()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
            assertThat(post.engagementRate()).isEqualTo(10.0);
        });
    }

    @Test
    void onePostIsOneLookupWithThePageTokenAndItsInsightsNotTheList() {
        String id = PAGE + "_3";
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + id))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .withQueryParam(
                        "fields",
                        equalTo("id,message,permalink_url,created_time,shares,reactions.summary(true),"
                                + "comments.summary(true)"))
                .willReturn(okJson("""
                        {"id": "%1$s", "message": "Rye week", "created_time": "2024-03-01T07:00:00+0000",
                         "permalink_url": "https://www.facebook.com/%1$s", "shares": {"count": 7},
                         "reactions": {"data": [], "summary": {"total_count": 33}},
                         "comments": {"data": [], "summary": {"order": "ranked", "total_count": 10}}}""".formatted(id))));
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + id + "/insights"))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .withQueryParam("metric", equalTo("post_total_media_view_unique,post_media_view"))
                .willReturn(okJson("""
                        {"data": [{"name": "post_total_media_view_unique", "period": "lifetime", "values": [{"value": 250}]},
                                  {"name": "post_media_view", "period": "lifetime", "values": [{"value": 410}]}]}""")));

        SocialProvider.Content post = facebook.content(ACCOUNT, id).orElseThrow();

        assertThat(post.platformPostId()).isEqualTo(id);
        assertThat(post.caption()).isEqualTo("Rye week");
        assertThat(post.postedAt()).isEqualTo(Instant.parse("2024-03-01T07:00:00Z"));
        assertThat(List.of(post.likes(), post.comments(), post.shares(), post.reach(), post.impressions()))
                .containsExactly(33L, 10L, 7L, 250L, 410L);
        assertThat(post.engagementRate()).isEqualTo(20.0);
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v21.0/" + id)));
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v21.0/" + id + "/insights")));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/posts")));
        assertThat(graph.getAllServeEvents()).hasSize(3);
    }

    @Test
    void aDeletedPostIsEmptyWhileAnExpiredTokenStillCounts() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "_gone"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "Unsupported get request. Object with ID '%s_gone' does not exist, cannot be \
                        loaded due to missing permissions, or does not support this operation", "type": "GraphMethodException",
                         "code": 100, "error_subcode": 33, "fbtrace_id": "Dx2"}}""".formatted(PAGE))));
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "_8"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "Error validating access token", "type": "OAuthException", "code": 190}}""")));

        assertThat(facebook.content(ACCOUNT, PAGE + "_gone")).isEmpty();
        assertThatThrownBy(() -> facebook.content(ACCOUNT, PAGE + "_8"))
                .isInstanceOfSatisfying(
                        PlatformError.class,
                        e -> assertThat(e.isTokenRejected()).isTrue());
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "_gone/insights")));
        graph.verify(0, getRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/posts")));
    }

    @Test
    void repliesAndLikesAreMadeAsThePage() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "_7/comments"))
                .willReturn(okJson("{\"id\": \"" + PAGE + "_7_321\"}")));
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "_7_99/likes")).willReturn(okJson("{\"success\": true}")));

        String reply = facebook.act(ACCOUNT, new SocialProvider.Action("reply", PAGE + "_7", null, "Thank you!"));
        String like = facebook.act(ACCOUNT, new SocialProvider.Action("like", PAGE + "_7_99", null, null));

        assertThat(reply).isEqualTo(PAGE + "_7_321");
        assertThat(like).isEqualTo(PAGE + "_7_99");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "_7/comments"))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .withRequestBody(equalTo("message=Thank+you%21")));
        assertThatThrownBy(() -> facebook.act(ACCOUNT, new SocialProvider.Action("repost", "1", null, null)))
                .isInstanceOf(PlatformError.class);
        assertThat(facebook.poll(ACCOUNT, NOW.minusSeconds(3600))).isEmpty();
    }

    @Test
    void anExpiredUserTokenIsSaidSoThoughMetaAnswers400() {
        graph.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE))
                .withQueryParam("fields", equalTo("access_token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "Error validating access token: Session has expired",
                         "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "Bq9"}}""")));

        assertThatThrownBy(() -> facebook.publish(ACCOUNT, Publication.text("Hello")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.isTokenRejected()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v21.0/" + PAGE + "/feed")));
    }

    @Test
    void aPageRateLimitWaitsForMetasEstimate() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "/feed"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"" + PAGE + "\": [{\"type\": \"pages\", \"call_count\": 100,"
                                        + " \"total_cputime\": 20, \"total_time\": 30, \"estimated_time_to_regain_access\": 15}]}")
                        .withBody("{\"error\": {\"message\": \"Page request limit reached\", \"code\": 32}}")));

        assertThatThrownBy(() -> facebook.publish(ACCOUNT, Publication.text("Busy")))
                .isInstanceOfSatisfying(PlatformError.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformError.Kind.RETRYABLE);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15));
                });
    }

    @Test
    void aFeedPostLeftUnansweredMayHaveBeenMade() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/" + PAGE + "/feed"))
                .willReturn(okJson("{\"id\": \"late\"}").withFixedDelay(3000)));

        assertThatThrownBy(() -> facebook.publish(ACCOUNT, Publication.text("Slow")))
                .isInstanceOfSatisfying(
                        PlatformError.class, e -> assertThat(e.kind()).isEqualTo(PlatformError.Kind.UNKNOWN));
        graph.verify(getRequestedFor(urlPathEqualTo("/v21.0/" + PAGE))
                .withQueryParam("fields", equalTo("access_token"))
                .withQueryParam("access_token", absent()));
    }

    private static Publication.Medium image(String url) {
        return new Publication.Medium("image", url, "jpg");
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern notContaining(String text) {
        return com.github.tomakehurst.wiremock.client.WireMock.not(containing(text));
    }

    private static String decoded(URI url) {
        return URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8);
    }
}
