package io.reach.social.platform.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import io.reach.support.TestProviders;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Connecting an Instagram professional account and publishing to it through Reach's API, against WireMock. */
@ReachTest
class InstagramAdapterTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    SocialFlows flows;

    private Accounts.SignedIn ada;
    private String user;

    @BeforeEach
    void instagramApi() {
        var wiremock = TestProviders.SERVER;
        wiremock.resetAll();
        user = "1784" + Long.toString(1_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
        wiremock.stubFor(post(urlPathEqualTo("/instagram/oauth/access_token"))
                .withRequestBody(containing("code=ig-code"))
                .withRequestBody(containing("client_id=reach-instagram-client"))
                .withRequestBody(containing("client_secret=reach-instagram-secret"))
                .willReturn(okJson("""
                        {"access_token": "ig-short", "user_id": %s,
                         "permissions": "instagram_business_basic,instagram_business_content_publish"}""".formatted(user))));
        wiremock.stubFor(get(urlPathEqualTo("/access_token"))
                .withQueryParam("grant_type", equalTo("ig_exchange_token"))
                .withQueryParam("access_token", equalTo("ig-short"))
                .willReturn(okJson(
                        "{\"access_token\": \"ig-long\", \"token_type\": \"bearer\", \"expires_in\": 5183944}")));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/me"))
                .withHeader("Authorization", equalTo("Bearer ig-long"))
                .willReturn(
                        okJson("""
                        {"id": "app-scoped", "user_id": "%s", "username": "adas.bakery-%s", "name": "Ada's Bakery",
                         "account_type": "BUSINESS", "profile_picture_url": "https://cdn.example/p.jpg",
                         "followers_count": 2400, "follows_count": 180, "media_count": 312}""".formatted(user, UUID.randomUUID().toString().substring(0, 6)))));
        ada = accounts.owner();
        api.put(
                "/api/v1/admin/tenants/" + ada.tenantId() + "/settings",
                Api.ADMIN,
                "{\"require_post_approval\": false}");
    }

    @Test
    void aProfessionalAccountConnectsWithItsCounts() {
        JsonNode account = connect();

        assertThat(account.get("platform").asString()).isEqualTo("instagram");
        assertThat(account.get("platform_user_id").asString()).isEqualTo(user);
        assertThat(account.get("handle").asString()).startsWith("@adas.bakery-");
        assertThat(account.get("follower_count").asLong()).isEqualTo(2400);
        assertThat(account.get("following_count").asLong()).isEqualTo(180);
        assertThat(account.get("scopes").asString())
                .isEqualTo("instagram_business_basic,instagram_business_content_publish");
        assertThat(account.toString()).doesNotContain("ig-long", "ig-short");
    }

    @Test
    void anImagePostIsPublishedOnceItsContainerIsReady() {
        String id = connect().get("id").asString();
        String caption = "Morning bake " + UUID.randomUUID();
        var wiremock = TestProviders.SERVER;
        wiremock.stubFor(
                post(urlPathEqualTo("/v21.0/" + user + "/media")).willReturn(okJson("{\"id\": \"ig-container\"}")));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/ig-container"))
                .inScenario("container")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"status_code\": \"IN_PROGRESS\"}"))
                .willSetStateTo("finished"));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/ig-container"))
                .inScenario("container")
                .whenScenarioStateIs("finished")
                .willReturn(okJson("{\"status_code\": \"FINISHED\"}")));
        wiremock.stubFor(post(urlPathEqualTo("/v21.0/" + user + "/media_publish"))
                .withRequestBody(equalTo("creation_id=ig-container"))
                .willReturn(okJson("{\"id\": \"17900000000000042\"}")));

        String post = api.post("/api/v1/posts", ada.accessToken(), """
                {"variants": [{"social_account_id": "%s", "text": "%s",
                  "media": [{"type": "image", "format": "jpg", "url": "https://cdn.example/bread.jpg"}]}]}""".formatted(id, caption))
                .json()
                .get("id")
                .asString();
        api.post(
                "/api/v1/posts/" + post + "/schedule",
                ada.accessToken(),
                "{\"scheduled_at\": \"%s\"}".formatted(Instant.now().plusSeconds(1)));
        JsonNode settled = await(post);

        assertThat(settled.get("status").asString()).isEqualTo("published");
        JsonNode job = api.get("/api/v1/posts/" + post + "/jobs", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(job.get("provider_job_id").asString()).isEqualTo("17900000000000042");
        wiremock.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + user + "/media"))
                .withHeader("Authorization", equalTo("Bearer ig-long"))
                .withRequestBody(containing("image_url=https%3A%2F%2Fcdn.example%2Fbread.jpg")));
    }

    @Test
    void aSyncStoresMetricsTopContentRankedByEngagementRateAndTheAudience() {
        String id = connect().get("id").asString();
        var wiremock = TestProviders.SERVER;
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/" + user + "/insights"))
                .withQueryParam("period", equalTo("day"))
                .willReturn(okJson("""
                        {"data": [{"name": "reach", "period": "day", "total_value": {"value": 1500}},
                                  {"name": "views", "period": "day", "total_value": {"value": 4200}},
                                  {"name": "profile_views", "period": "day", "total_value": {"value": 37}},
                                  {"name": "accounts_engaged", "period": "day", "total_value": {"value": 210}}]}""")));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/" + user + "/insights"))
                .withQueryParam("breakdown", equalTo("age"))
                .willReturn(okJson(demographics("18-24", 900, "25-34", 1100))));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/" + user + "/insights"))
                .withQueryParam("breakdown", equalTo("gender"))
                .willReturn(okJson(demographics("F", 1300, "M", 1000))));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/" + user + "/insights"))
                .withQueryParam("breakdown", equalTo("country"))
                .willReturn(okJson(demographics("FR", 1500, "US", 600))));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/" + user + "/insights"))
                .withQueryParam("breakdown", equalTo("city"))
                .willReturn(okJson(demographics("Paris, Île-de-France", 700, "Lyon, Auvergne-Rhône-Alpes", 200))));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/" + user + "/media"))
                .willReturn(okJson("""
                {"data": [
                  {"id": "m1", "caption": "Sourdough", "media_type": "IMAGE", "permalink": "https://instagram.com/p/m1",
                   "timestamp": "%1$s", "like_count": 120, "comments_count": 30},
                  {"id": "m2", "caption": "Baguette", "media_type": "VIDEO", "media_product_type": "REELS",
                   "permalink": "https://instagram.com/reel/m2", "timestamp": "%1$s", "like_count": 40, "comments_count": 5},
                  {"id": "m3", "caption": "Unseen", "media_type": "IMAGE", "permalink": "https://instagram.com/p/m3",
                   "timestamp": "%1$s", "like_count": 0, "comments_count": 0}]}""".formatted(Instant.now().minusSeconds(86_400)))));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/m1/insights")).willReturn(okJson(values(1000, 25, 25))));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/m2/insights")).willReturn(okJson(values(100, 3, 2))));
        wiremock.stubFor(get(urlPathEqualTo("/v21.0/m3/insights")).willReturn(okJson(values(0, 0, 0))));

        var synced = api.post("/api/v1/social/accounts/" + id + "/sync", ada.accessToken(), "");

        assertThat(synced.json().get("synced").asBoolean()).as(synced.body()).isTrue();
        String base = "/api/v1/social/accounts/" + id;
        JsonNode snapshot = api.get(base + "/metrics", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(snapshot.get("followers_count").asLong()).isEqualTo(2400);
        assertThat(snapshot.get("posts_count").asLong()).isEqualTo(312);
        assertThat(snapshot.get("reach").asLong()).isEqualTo(1500);
        assertThat(snapshot.get("impressions").asLong()).isEqualTo(4200);
        assertThat(snapshot.get("engagement_count").asLong()).isEqualTo(210);
        assertThat(snapshot.get("profile_views").asLong()).isEqualTo(37);
        JsonNode trend = api.get(base + "/metrics/trend?interval=week", ada.accessToken())
                .json()
                .get("items");
        assertThat(trend.get(trend.size() - 1).get("followers_count").asLong())
                .as("this week's")
                .isEqualTo(2400);

        JsonNode top = api.get(base + "/top-content", ada.accessToken()).json().get("items");
        assertThat(top.valueStream().map(post -> post.get("platform_post_id").asString()))
                .containsExactly("m2", "m1", "m3");
        assertThat(top.get(0).get("engagement_rate").asDouble())
                .as("(40 + 5 + 2 + 3) / 100")
                .isEqualTo(50.0);
        assertThat(top.get(0).get("media_type").asString()).isEqualTo("reel");
        assertThat(top.get(1).get("engagement_rate").asDouble())
                .as("(120 + 30 + 25 + 25) / 1000")
                .isEqualTo(20.0);
        assertThat(top.get(2).get("engagement_rate").asDouble())
                .as("no reach, no rate")
                .isZero();

        JsonNode audience = api.get(base + "/audience", ada.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(audience.get("age_ranges").get(0).get("range").asString()).isEqualTo("25-34");
        assertThat(audience.get("genders").get(0).get("gender").asString()).isEqualTo("female");
        assertThat(audience.get("countries").get(0).get("count").asLong()).isEqualTo(1500);
        assertThat(audience.get("cities").size()).isEqualTo(2);
        assertThat(api.get(base + "/top-content", accounts.owner().accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(base + "/metrics/trend?interval=hour", ada.accessToken())
                        .status())
                .isEqualTo(400);
    }

    private static String demographics(String first, long firstCount, String second, long secondCount) {
        return """
                {"data": [{"name": "follower_demographics", "period": "lifetime", "total_value": {"breakdowns": [
                  {"dimension_keys": ["x"], "results": [{"dimension_values": ["%s"], "value": %d},
                                                        {"dimension_values": ["%s"], "value": %d}]}]}}]}""".formatted(first, firstCount, second, secondCount);
    }

    private static String values(long reach, long saved, long shares) {
        return """
                {"data": [{"name": "reach", "total_value": {"value": %d}}, {"name": "saved", "total_value": {"value": %d}},
                          {"name": "shares", "total_value": {"value": %d}}]}""".formatted(reach, saved, shares);
    }

    private JsonNode connect() {
        String authorization = flows.authorizationUrl(ada.accessToken(), "instagram");
        assertThat(authorization).contains("/oauth/authorize", "instagram_business_content_publish");
        return flows.complete(authorization, "ig-code");
    }

    private JsonNode await(String post) {
        return flows.awaitSettled(ada.accessToken(), post);
    }
}
