package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Issue 14.8: the links in Reach's mails open working pages on the port the server listens on. */
@ReachTest
class AccountPagesTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Environment environment;

    @Autowired
    UserTokens tokens;

    @Autowired
    ExternalIdentities identities;

    @Autowired
    TenantTransactions transactions;

    /**
     * Every page a mail, a redirect or another page links to, as the code writes the link
     * ({@code %s/path?token=%s} after the public URL, {@code base() + "/path"}, {@code href="/path"}),
     * answers with a page: a new link without its page fails here. API paths are the API's.
     */
    @Test
    void everyPathAMailOrAPageLinksToAnswersWithAPage() {
        Set<String> links = linkedPages();
        assertThat(links)
                .as("the scan still finds the known links")
                .contains(
                        "/verify-email?token=",
                        "/accept-invitation?token=",
                        "/reset-password?token=",
                        "/reset-password",
                        "/sign-in",
                        "/unlock?token=",
                        "/link-identity?token=");

        assertThat(links).allSatisfy(link -> {
            if (link.endsWith("/")) {
                // the token is the path's last segment, checked as the page opens: a made-up one is a 404 page
                var unknown = api.get(link + "a-token-from-a-mail", null);
                assertThat(unknown.status()).as(link).isEqualTo(404);
                assertThat(unknown.contentType()).as(link).startsWith("text/html");
                assertThat(unknown.header("Content-Security-Policy")).as(link).contains("default-src 'none'");
                return;
            }
            var page = api.get(link.endsWith("=") ? link + "a-token-from-a-mail" : link, null);
            assertThat(page.status()).as(link).isEqualTo(200);
            assertThat(page.contentType()).as(link).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy"))
                    .as(link)
                    .containsAnyOf("default-src 'none'", "default-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.body())
                    .as(link)
                    .contains("<form method=\"post\"")
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        });
    }

    private static final Pattern LINK = Pattern.compile(
            "%s(/[a-z][a-z0-9/-]*)(\\?[a-z_]+=)?|base\\(\\) \\+ \"(/[a-z][a-z0-9/-]*)\"|href=\\\\?\"(/[a-z0-9/-]*)\\\\?\"");

    private static Set<String> linkedPages() {
        Set<String> links = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> {
                String code = read(path);
                Matcher link = LINK.matcher(code);
                while (link.find()) {
                    String found = link.group(1) != null
                            ? link.group(1) + (link.group(2) == null ? "" : link.group(2))
                            : link.group(3) != null ? link.group(3) : link.group(4);
                    boolean mailed = link.group(1) == null || code.contains("publicUrl.base()");
                    if (mailed && !found.startsWith("/api/")) {
                        links.add(found);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return links;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSignInPageOpensAConsoleSessionNotATokenPage() {
        Accounts.SignedIn ada = accounts.owner();
        Browser browser = new Browser(api);
        browser.get("/sign-in");

        var signedIn = browser.post("/sign-in", Map.of("email", ada.email(), "password", Accounts.PASSWORD));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.body()).doesNotContain(ada.refreshToken()).doesNotContain("Bearer");
        assertThat(browser.get("/").body()).contains(ada.email());
    }

    @Test
    void theUnlockPageLetsThisDeviceSignInOnce() {
        Accounts.SignedIn ada = accounts.owner();
        String token = transactions.inTransaction(() ->
                tokens.issue(ada.userId(), UserTokens.Purpose.SIGN_IN_UNLOCK, Duration.ofMinutes(30), Instant.now()));

        Browser browser = new Browser(api);
        assertThat(browser.get("/unlock?token=" + token).body()).contains("action=\"/unlock\"");
        var unlocked = browser.post("/unlock", Map.of("token", token));

        assertThat(unlocked.statusCode()).isEqualTo(200);
        assertThat(unlocked.body()).contains("can sign in again").contains("href=\"/sign-in\"");
        assertThat(browser.post("/unlock", Map.of("token", token)).statusCode())
                .as("once")
                .isEqualTo(400);
        assertThat(browser.postExactly("/unlock", Map.of("token", token)).statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
    }

    @Test
    void theLinkIdentityPageLetsTheProviderSignInOpenTheAccount() {
        Accounts.SignedIn ada = accounts.owner();
        String subject = "sub-" + UUID.randomUUID();
        String token = transactions.inTransaction(
                () -> identities.request(ada.userId(), "test-oidc", subject, Duration.ofMinutes(30), Instant.now()));

        Browser browser = new Browser(api);
        assertThat(browser.get("/link-identity?token=" + token).body()).contains("action=\"/link-identity\"");
        var linked = browser.post("/link-identity", Map.of("token", token));

        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(identities.userOf("test-oidc", subject)).contains(ada.userId());
        assertThat(browser.post("/link-identity", Map.of("token", token)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theForgotPasswordLinkAsksForTheAddressAndMailsAResetLink() {
        Accounts.SignedIn ada = accounts.owner();

        Browser browser = new Browser(api);
        assertThat(browser.get("/reset-password").body())
                .contains("action=\"/reset-password/request\"")
                .contains("name=\"email\"");
        var requested = browser.post("/reset-password/request", Map.of("email", ada.email()));

        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(TestMailServer.mailsTo(ada.email(), 2))
                .anySatisfy(mail -> assertThat(mail).contains("/reset-password?token="));
        assertThat(outcomeOf(browser.post(
                                "/reset-password/request",
                                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"))
                        .body()))
                .as("the same answer for unknown addresses")
                .isEqualTo(outcomeOf(requested.body()));
    }

    /** The page's answer, without what differs between any two pages (the CSRF token). */
    private static String outcomeOf(String page) {
        return page.replaceAll("content=\"[^\"]*\"|value=\"[^\"]*\"", "");
    }

    @Test
    void theVerificationLinkPointsAtThisServerAndItsPageConfirmsTheAddress() {
        String email = "pages-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v1/auth/signup", null, """
                {"email": "%s", "password": "%s", "tenant_name": "Pages"}""".formatted(email, Accounts.PASSWORD))
                        .status())
                .isEqualTo(201);
        String mail = TestMailServer.mailsTo(email, 1).getFirst().replace("=\r\n", "");
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();
        assertThat(mail)
                .contains("http://localhost:" + environment.getProperty("local.server.port") + "/verify-email?token=");

        Browser browser = new Browser(api);
        var page = browser.get("/verify-email?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("default-src 'self'").contains("form-action 'self'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body())
                .contains("<form method=\"post\" action=\"/verify-email\"")
                .contains(token)
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)");

        var confirmed = browser.post("/verify-email", Map.of("token", token));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("confirmed");
        assertThat(api.post(
                                "/api/v1/auth/login",
                                null,
                                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD))
                        .status())
                .isEqualTo(200);

        var again = browser.post("/verify-email", Map.of("token", token));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Invalid token");
    }

    @Test
    void whatThePageShowsIsEscaped() {
        var page = api.get("/verify-email?token=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>").contains("value=\"&#34;>&lt;script>alert(1)");
        assertThat(api.get("/verify-email", null).status()).isEqualTo(400);
        assertThat(api.get("/verify-email", null).body()).contains("no valid token");
    }

    @Test
    void theInvitationPageCreatesTheAccountAndJoins() {
        Accounts.SignedIn ada = accounts.owner();
        String email = "page-invitee-" + UUID.randomUUID() + "@example.com";
        api.post(
                "/api/v1/invitations", ada.accessToken(), "{\"email\": \"%s\", \"role\": \"editor\"}".formatted(email));
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();

        Browser browser = new Browser(api);
        assertThat(browser.get("/accept-invitation?token=" + token).body()).contains("name=\"password\"");
        var joined = browser.post("/accept-invitation", Map.of("token", token, "password", Accounts.PASSWORD));

        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/auth/login",
                                null,
                                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD))
                        .json()
                        .get("tenant_id")
                        .asString())
                .isEqualTo(ada.tenantId().toString());
    }

    @Test
    void theResetPageSetsTheNewPassword() {
        Accounts.SignedIn ada = accounts.owner();
        api.post("/api/v1/auth/password-reset/request", null, "{\"email\": \"%s\"}".formatted(ada.email()));
        String token = TestMailServer.tokenInMail(ada.email(), 2).orElseThrow();

        Browser browser = new Browser(api);
        assertThat(browser.get("/reset-password?token=" + token).body()).contains("name=\"new_password\"");
        var reset = browser.post("/reset-password", Map.of("token", token, "new_password", "another long passphrase"));

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/auth/login",
                                null,
                                "{\"email\": \"%s\", \"password\": \"another long passphrase\"}".formatted(ada.email()))
                        .status())
                .isEqualTo(200);
    }
}
