package io.reach.publishing.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.WebhookSigning;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Inbound platform events, signed the way Meta and X sign them (computed here, independently). */
@ReachTest
class SocialWebhookTest {

    private static final UUID FACEBOOK = UUID.fromString("0193a0c0-0000-7000-8000-000000000002");
    private static final UUID X = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    Fixtures fixtures;

    @Test
    void aSignedMetaEventIsStoredOnceUnderTheTenantThatConnectedThePage() {
        Accounts.SignedIn ada = accounts.owner();
        String page = "page-" + UUID.randomUUID();
        fixtures.socialAccount(ada.tenantId(), "facebook", FACEBOOK, page);
        String body = """
                {"object": "page", "entry": [{"id": "%s", "time": 1763700000, "changes": [
                  {"field": "feed", "value": {"item": "comment", "comment_id": "c1", "message": "Love it"}}]}]}""".formatted(page);

        assertThat(metaDelivery(body, metaSignature(body)).status()).isEqualTo(200);
        assertThat(metaDelivery(body, metaSignature(body)).status()).isEqualTo(200);

        assertThat(events(ada.tenantId(), "new_comment")).isEqualTo(1);
    }

    @Test
    void aBadSignatureIsRejectedAndStoresNothing() {
        Accounts.SignedIn ada = accounts.owner();
        String page = "page-" + UUID.randomUUID();
        fixtures.socialAccount(ada.tenantId(), "facebook", FACEBOOK, page);
        String body = """
                {"object": "page", "entry": [{"id": "%s", "changes": [{"field": "mention", "value": {"id": "m1"}}]}]}""".formatted(page);

        var forged = metaDelivery(body, "sha256=" + "0".repeat(64));
        var tampered = metaDelivery(body.replace("m1", "m2"), metaSignature(body));
        var unsigned = api.send("POST", "/api/v1/webhooks/social/facebook", null, body, List.of());

        assertThat(forged.status()).isEqualTo(401);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(events(ada.tenantId(), "mention")).isZero();
    }

    @Test
    void theVerificationHandshakesAreAnswered() {
        var meta = api.get(
                "/api/v1/webhooks/social/instagram?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444",
                null);
        var wrong = api.get(
                "/api/v1/webhooks/social/instagram?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1", null);
        var crc = api.get("/api/v1/webhooks/social/x?crc_token=abc123", null);

        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.body()).isEqualTo("1158201444");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(crc.json().get("response_token").asString()).isEqualTo(WebhookSigning.x("abc123"));
    }

    @Test
    void theXCrcCheckNeverSignsSomethingThatCouldBeAnEvent() {
        Accounts.SignedIn ada = accounts.owner();
        String user = "x-" + UUID.randomUUID();
        fixtures.socialAccount(ada.tenantId(), "x", X, user);
        String forged = """
                {"for_user_id":"%s","direct_message_events":[{"id":"dm-forged"}]}""".formatted(user);

        var asked = api.get(
                "/api/v1/webhooks/social/x?crc_token="
                        + java.net.URLEncoder.encode(forged, java.nio.charset.StandardCharsets.UTF_8),
                null);
        var tooLong = api.get("/api/v1/webhooks/social/x?crc_token=" + "a".repeat(257), null);
        var spaced = api.get("/api/v1/webhooks/social/x?crc_token=%20abc", null);

        assertThat(asked.status()).isEqualTo(400);
        assertThat(asked.body()).doesNotContain("response_token");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(events(ada.tenantId(), "new_message")).isZero();
    }

    @Test
    void aBodySignedLikeACrcAnswerButNotAnObjectIsRefused() {
        String token = "c29tZS10b2tlbg==";
        var posted = api.send(
                "POST",
                "/api/v1/webhooks/social/x",
                null,
                token,
                List.of("x-twitter-webhooks-signature", WebhookSigning.x(token)));

        assertThat(posted.status()).isEqualTo(401);
    }

    @Test
    void aSignedXEventIsStoredByItsOwnId() {
        Accounts.SignedIn ada = accounts.owner();
        String user = "x-" + UUID.randomUUID();
        fixtures.socialAccount(ada.tenantId(), "x", X, user);
        String body = """
                {"for_user_id": "%s", "favorite_events": [{"id": "fav-1", "favorited_status": {"id_str": "99"}}]}""".formatted(user);
        String signature = WebhookSigning.x(body);

        var delivered = api.send(
                "POST", "/api/v1/webhooks/social/x", null, body, List.of("x-twitter-webhooks-signature", signature));

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(events(ada.tenantId(), "new_like")).isEqualTo(1);
        JsonNode listed = api.get("/api/v1/social/events?type=new_like", ada.accessToken())
                .json()
                .get("items");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("external_id").asString()).isEqualTo("fav-1");
        assertThat(listed.get(0).at("/payload/favorited_status/id_str").asString())
                .isEqualTo("99");
        assertThat(api.get("/api/v1/social/events", accounts.owner().accessToken())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(api.send("POST", "/api/v1/webhooks/social/myspace", null, body, List.of())
                        .status())
                .isEqualTo(404);
    }

    private Api.Response metaDelivery(String body, String signature) {
        return api.send(
                "POST", "/api/v1/webhooks/social/facebook", null, body, List.of("X-Hub-Signature-256", signature));
    }

    private static String metaSignature(String body) {
        return WebhookSigning.meta(body);
    }

    private long events(UUID tenant, String type) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject("select count(*) from publishing.events where type = ?", Long.class, type);
        });
    }
}
