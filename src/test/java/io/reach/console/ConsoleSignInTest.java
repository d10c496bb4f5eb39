package io.reach.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's cookie session: anyone not signed in is sent to the sign-in page; signing in with
 * the API's credentials opens the home page under a new session id; forms without the CSRF token are
 * refused; signing out ends the session; the pages carry a strict Content-Security-Policy.
 */
@ReachTest
class ConsoleSignInTest {

    private static final java.util.List<String> FORM =
            java.util.List.of("Content-Type", "application/x-www-form-urlencoded");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aPersonSignsInToTheirHomeAndOutAgain() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = new Browser(api);

        var anonymous = browser.get("/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in"));

        var form = browser.get("/sign-in");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"email\">").contains("name=\"_csrf\"");
        String before = browser.session().orElseThrow();

        var wrong = browser.post("/sign-in", Map.of("email", ada.email(), "password", "wrong wrong wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("role=\"alert\"").contains("value=\"" + ada.email() + "\"");

        var signedIn = browser.post("/sign-in", Map.of("email", ada.email(), "password", Accounts.PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.session())
                .as("a new session id after signing in")
                .isPresent()
                .get()
                .isNotEqualTo(before);

        var home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(ada.email()).contains("Workspace of " + ada.email());

        assertThat(browser.post("/sign-out", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void aNewcomerCreatesAWorkspaceAndSignsIntoIt() {
        String email = "newcomer-" + java.util.UUID.randomUUID() + "@example.com";
        Browser browser = new Browser(api);
        browser.get("/sign-up");

        var weak = browser.post("/sign-up", Map.of("email", email, "password", "short", "workspace", "Acme"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("id=\"password-error\"").contains("value=\"" + email + "\"");

        var created = browser.post(
                "/sign-up", Map.of("email", email, "password", Accounts.PASSWORD, "workspace", "Acme Shoes"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains(email);
        browser.get("/sign-in");
        assertThat(browser.post("/sign-in", Map.of("email", email, "password", Accounts.PASSWORD))
                        .statusCode())
                .as("not before the address is confirmed")
                .isEqualTo(403);

        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();
        assertThat(api.send("POST", "/verify-email", null, "token=" + token, FORM)
                        .status())
                .isEqualTo(200);
        assertThat(browser.post("/sign-in", Map.of("email", email, "password", Accounts.PASSWORD))
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/").body()).contains("Acme Shoes");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = new Browser(api);
        browser.get("/sign-in");
        browser.post("/sign-in", Map.of("email", ada.email(), "password", Accounts.PASSWORD));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String id = new String(
                java.util.Base64.getDecoder().decode(browser.session().orElseThrow()),
                java.nio.charset.StandardCharsets.UTF_8);

        jdbc.sql("update platform.spring_session set creation_time = creation_time - :hours where session_id = :id")
                .param("hours", java.time.Duration.ofHours(13).toMillis())
                .param("id", id)
                .update();

        assertThat(browser.get("/").statusCode())
                .as("signed out by the absolute limit")
                .isEqualTo(302);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = new Browser(api);
        browser.get("/sign-in");

        var forged = browser.postExactly("/sign-in", Map.of("email", ada.email(), "password", Accounts.PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void pagesAreServedUnderAStrictContentSecurityPolicyWithSafeCookies() {
        Browser browser = new Browser(api);

        var form = browser.get("/sign-in");

        assertThat(form.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline")
                        .doesNotContain("unsafe-eval"));
        assertThat(form.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("reach_session=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        assertThat(form.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/console/reach.css").statusCode()).isEqualTo(200);
    }

    @Test
    void anApiTokenIsNoConsoleSession() {
        Accounts.SignedIn ada = accounts.owner();

        var withBearer = api.get("/", ada.accessToken());

        assertThat(withBearer.status())
                .as("the console reads its cookie session only")
                .isEqualTo(302);
    }
}
