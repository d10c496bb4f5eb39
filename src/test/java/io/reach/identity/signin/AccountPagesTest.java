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
import java.util.List;
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

    private static final List<String> FORM = List.of("Content-Type", "application/x-www-form-urlencoded");

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

        assertThat(api.get("/unlock?token=" + token, null).body()).contains("action=\"/unlock\"");
        var unlocked = api.send("POST", "/unlock", null, "token=" + token, FORM);

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.body()).contains("can sign in again").contains("href=\"/sign-in\"");
        assertThat(api.send("POST", "/unlock", null, "token=" + token, FORM).status())
                .as("once")
                .isEqualTo(400);
    }

    @Test
    void theLinkIdentityPageLetsTheProviderSignInOpenTheAccount() {
        Accounts.SignedIn ada = accounts.owner();
        String subject = "sub-" + UUID.randomUUID();
        String token = transactions.inTransaction(
                () -> identities.request(ada.userId(), "test-oidc", subject, Duration.ofMinutes(30), Instant.now()));

        assertThat(api.get("/link-identity?token=" + token, null).body()).contains("action=\"/link-identity\"");
        var linked = api.send("POST", "/link-identity", null, "token=" + token, FORM);

        assertThat(linked.status()).isEqualTo(200);
        assertThat(identities.userOf("test-oidc", subject)).contains(ada.userId());
        assertThat(api.send("POST", "/link-identity", null, "token=" + token, FORM)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theForgotPasswordLinkAsksForTheAddressAndMailsAResetLink() {
        Accounts.SignedIn ada = accounts.owner();

        assertThat(api.get("/reset-password", null).body())
                .contains("action=\"/reset-password/request\"")
                .contains("name=\"email\"");
        var requested = api.send("POST", "/reset-password/request", null, "email=" + enc(ada.email()), FORM);

        assertThat(requested.status()).isEqualTo(200);
        assertThat(TestMailServer.mailsTo(ada.email(), 2))
                .anySatisfy(mail -> assertThat(mail).contains("/reset-password?token="));
        assertThat(api.send(
                                "POST",
                                "/reset-password/request",
                                null,
                                "email=nobody-" + UUID.randomUUID() + "%40example.com",
                                FORM)
                        .body())
                .as("the same answer for unknown addresses")
                .isEqualTo(requested.body());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
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

        var page = api.get("/verify-email?token=" + token, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("form-action 'self'");
        assertThat(page.body())
                .contains("<form method=\"post\" action=\"/verify-email\">")
                .contains(token)
                .doesNotContain("<script");

        var confirmed = api.send("POST", "/verify-email", null, "token=" + token, FORM);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("confirmed");
        assertThat(api.post(
                                "/api/v1/auth/login",
                                null,
                                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD))
                        .status())
                .isEqualTo(200);

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
        api.post(
                "/api/v1/invitations", ada.accessToken(), "{\"email\": \"%s\", \"role\": \"editor\"}".formatted(email));
        String token = TestMailServer.tokenInMail(email, 1).orElseThrow();

        assertThat(api.get("/accept-invitation?token=" + token, null).body()).contains("name=\"password\"");
        var joined = api.send(
                "POST", "/accept-invitation", null, "token=" + token + "&password=correct+horse+battery+staple", FORM);

        assertThat(joined.status()).isEqualTo(200);
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

        assertThat(api.get("/reset-password?token=" + token, null).body()).contains("name=\"new_password\"");
        var reset = api.send(
                "POST", "/reset-password", null, "token=" + token + "&new_password=another+long+passphrase", FORM);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/auth/login",
                                null,
                                "{\"email\": \"%s\", \"password\": \"another long passphrase\"}".formatted(ada.email()))
                        .status())
                .isEqualTo(200);
    }
}
