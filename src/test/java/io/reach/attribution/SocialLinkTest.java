package io.reach.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A post's tracked link leads to its address and its click is a touch of the campaign the post's
 * published copy is linked to; an altered link leads nowhere, an address that is not the web is
 * refused, and another workspace's post cannot be given one.
 */
@ReachTest
class SocialLinkTest {

    private static final UUID X_CHANNEL = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Test
    void aClickOnAPostsTrackedLinkIsATouchOfItsCampaign() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "u" + UUID.randomUUID());
        Api.Response created = api.post("/api/v1/posts", ada.accessToken(), """
                {"title": "Spring", "variants": [{"social_account_id": "%s", "text": "Spring is here", "media": []}]}""".formatted(account));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String post = created.json().get("id").asString();
        String campaign = api.post("/api/v1/campaigns", ada.accessToken(), "{\"name\": \"Spring\"}")
                .json()
                .get("id")
                .asString();
        owner.run(db -> {
            db.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            db.update("""
                    insert into publishing.social_posts (tenant_id, id, social_account_id, campaign_id, post_id, post_content,
                        post_type, external_post_id, published_at, created_at)
                    values (?::uuid, gen_random_uuid(), ?::uuid, ?::uuid, ?::uuid, 'Spring is here', 'text', 'x-1', now(), now())""", ada.tenantId().toString(), account.toString(), campaign, post);
        });

        Api.Response link = api.post(
                "/api/v1/posts/" + post + "/tracked-links",
                ada.accessToken(),
                "{\"url\": \"https://shop.example/spring?ref=x\"}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String path = link.json().get("path").asString();
        assertThat(path).startsWith("/s/");
        Api.Response followed = api.send("GET", path, null, null, List.of("User-Agent", ConversionPixelTest.BROWSER));
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("Location")).isEqualTo("https://shop.example/spring?ref=x");

        api.post(
                "/api/v1/ingest/conversions",
                ada.accessToken(),
                "{\"occurred_at\": \"" + Instant.now().plusSeconds(5)
                        + "\", \"action\": \"purchase\", \"value\": 15, \"currency\": \"USD\", \"ip\": \"127.0.0.1\"}");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var results = api.get(
                        "/api/v1/attribution/results?from=" + today + "&to=" + today + "&point=campaign",
                        ada.accessToken())
                .json();
        assertThat(results.get("attributed_conversions").asInt()).isEqualTo(1);
        assertThat(results.at("/models/0/credits/0/point").asString()).isEqualTo(campaign);

        assertThat(api.send("GET", path.substring(0, path.length() - 2) + "xx", null, null, List.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/posts/" + post + "/tracked-links",
                                ada.accessToken(),
                                "{\"url\": \"javascript:alert(1)\"}")
                        .status())
                .isEqualTo(400);
        String stranger = accounts.owner().accessToken();
        assertThat(api.post("/api/v1/posts/" + post + "/tracked-links", stranger, "{\"url\": \"https://x.example\"}")
                        .status())
                .isEqualTo(404);
    }
}
