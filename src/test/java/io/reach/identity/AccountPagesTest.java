package io.reach.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;

/** Issue 14.8: the links in Reach's mails open working pages on the port the server listens on. */
@ReachTest
class AccountPagesTest {

    private static final List<String> FORM = List.of("Content-Type", "application/x-www-form-urlencoded");

    @Autowired
    Api api;
    @Autowired
    Accounts accounts;
    @Autowired
    Environment environment;

    @Test
    void theVerificationLinkPointsAtThisServerAndItsPageConfirmsTheAddress() {
        String email = "pages-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "tenant_name": "Pages"}""".formatted(email, Accounts.PASSWORD))
                .status()).isEqualTo(201);
        String mail = TestMailServer.mailsTo(email, 1).getFirst().replace("=\r\n", "");
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();
        assertThat(mail).contains("http://localhost:" + environment.getProperty("local.server.port") + "/verify-email?token=");

        var page = api.get("/verify-email?token=" + token, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("form-action 'self'");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/verify-email\">").contains(token)
                .doesNotContain("<script");

        var confirmed = api.send("POST", "/verify-email", null, "token=" + token, FORM);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("confirmed");
        assertThat(api.post("/api/v1/auth/login", null, "{\"email\": \"%s\", \"password\": \"%s\"}"
                .formatted(email, Accounts.PASSWORD)).status()).isEqualTo(200);

        var again = api.send("POST", "/verify-email", null, "token=" + token, FORM);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("Invalid token");
    }

    @Test
    void whatThePageShowsIsEscaped() {
        var page = api.get("/verify-email?token=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
        assertThat(api.get("/verify-email", null).status()).isEqualTo(400);
    }

    @Test
    void theInvitationPageCreatesTheAccountAndJoins() {
        Accounts.SignedIn ada = accounts.owner();
        String email = "page-invitee-" + UUID.randomUUID() + "@example.com";
        api.post("/api/v1/invitations", ada.accessToken(), "{\"email\": \"%s\", \"role\": \"editor\"}".formatted(email));
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();

        assertThat(api.get("/accept-invitation?token=" + token, null).body()).contains("name=\"password\"");
        var joined = api.send("POST", "/accept-invitation", null, "token=" + token + "&password=correct+horse+battery+staple",
                FORM);

        assertThat(joined.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", null, "{\"email\": \"%s\", \"password\": \"%s\"}"
                .formatted(email, Accounts.PASSWORD)).json().get("tenant_id").asString()).isEqualTo(ada.tenantId().toString());
    }

    @Test
    void theResetPageSetsTheNewPassword() {
        Accounts.SignedIn ada = accounts.owner();
        api.post("/api/v1/auth/password-reset/request", null, "{\"email\": \"%s\"}".formatted(ada.email()));
        String token = TestMailServer.tokenInMail(ada.email(), 2).orElseThrow();

        assertThat(api.get("/reset-password?token=" + token, null).body()).contains("name=\"new_password\"");
        var reset = api.send("POST", "/reset-password", null, "token=" + token + "&new_password=another+long+passphrase",
                FORM);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", null, "{\"email\": \"%s\", \"password\": \"another long passphrase\"}"
                .formatted(ada.email())).status()).isEqualTo(200);
    }
}
