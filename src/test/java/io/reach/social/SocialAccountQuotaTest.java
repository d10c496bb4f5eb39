package io.reach.social;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestProviders;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** max_social_accounts: a new account beyond it is refused; reconnecting one already counted is not. */
@ReachTest
class SocialAccountQuotaTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void twoLinkedInMembers() {
        TestProviders.SERVER.resetAll();
        for (String who : new String[] {"ada", "bob"}) {
            TestProviders.SERVER.stubFor(post(urlPathEqualTo("/oauth/v2/accessToken"))
                    .withRequestBody(containing("code=" + who + "-code"))
                    .willReturn(okJson("""
                            {"access_token": "AQX-%s", "expires_in": 5184000, "scope": "openid,profile,email,w_member_social"}""".formatted(who))));
            TestProviders.SERVER.stubFor(get(urlPathEqualTo("/v2/userinfo"))
                    .withHeader("Authorization", equalTo("Bearer AQX-" + who))
                    .willReturn(okJson("""
                    {"sub": "sub-%s", "name": "%s", "email": "%s@example.com", "email_verified": true}""".formatted(who, who, who))));
        }
    }

    @Test
    void aNewAccountBeyondMaxSocialAccountsIsRefusedButAReconnectIsNot() {
        Accounts.SignedIn owner = accounts.owner();
        var quotas = api.put(
                "/api/v1/admin/tenants/" + owner.tenantId() + "/quotas", Api.ADMIN, "{\"max_social_accounts\": 1}");
        assertThat(quotas.status()).isEqualTo(200);
        assertThat(callback(owner, "ada-code").status()).isEqualTo(200);
        assertThat(callback(owner, "ada-code").status())
                .as("reconnecting a counted account")
                .isEqualTo(200);

        var refused = callback(owner, "bob-code");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:reach:problem:quota-exceeded");
        assertThat(refused.json().get("quota").asString()).isEqualTo("max_social_accounts");
        assertThat(refused.json().get("limit").asLong()).isEqualTo(1);
        assertThat(refused.json().get("used").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/social/accounts", owner.accessToken())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);

        String ada = api.get("/api/v1/social/accounts", owner.accessToken())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        assertThat(api.delete("/api/v1/social/accounts/" + ada, owner.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(callback(owner, "bob-code").status())
                .as("a disconnected account frees its place")
                .isEqualTo(200);
    }

    /** Starts a LinkedIn connection as {@code who} in a browser and returns from LinkedIn with {@code code}. */
    private Api.Response callback(Accounts.SignedIn who, String code) {
        var started = api.post("/api/v1/social/accounts/connect", who.accessToken(), "{\"platform\": \"linkedin\"}");
        String state = URI.create(started.json().get("authorization_url").asString())
                .getQuery()
                .replaceAll(".*state=([^&]+).*", "$1");
        String cookie = started.header("Set-Cookie");
        return api.send(
                "GET",
                "/api/v1/social/accounts/callback?code=" + code + "&state=" + state,
                null,
                null,
                cookie == null ? List.of() : List.of("Cookie", cookie.split(";", 2)[0]));
    }
}
