package io.reach.installation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform administration pages: a platform admin creates a workspace and invites its owner,
 * suspends and reactivates it, and stores a connection (its secret never shown again); anyone else
 * gets 403 and no link to these pages.
 */
@ReachTest
class AdminPagesTest {

    private static final String ADMIN_EMAIL = "platform-admin@example.com";
    private static final String ADMIN_PASSWORD = "platform admin passphrase";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void aPlatformAdminCreatesAWorkspaceInvitesItsOwnerAndSuspendsIt() {
        Browser admin = platformAdmin();
        String page = admin.get("/app/admin/workspaces").body();
        assertThat(page)
                .contains("Create a workspace")
                .contains("href=\"/app/admin/workspaces\"")
                .contains("href=\"/app/admin/connections\"");

        var refused = admin.post("/app/admin/workspaces", Map.of("name", " ", "owner_email", "not-an-address"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("id=\"owner-email-error\"");

        String name = "Admin Pages " + UUID.randomUUID();
        String ownerEmail = "first-owner-" + UUID.randomUUID() + "@example.com";
        var created = admin.post("/app/admin/workspaces", Map.of("name", name, "owner_email", ownerEmail));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        Matcher id = Pattern.compile("created=([0-9a-f-]{36})").matcher(location);
        assertThat(id.find()).isTrue();
        String workspace = id.group(1);

        assertThat(admin.get(location.replaceFirst("^https?://[^/]+", "")).body())
                .contains("Workspace " + name + " created");
        assertThat(TestMailServer.mailsTo(ownerEmail, 1)).hasSize(1);
        assertThat(api.get("/api/v1/admin/tenants/" + workspace, Api.ADMIN)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo(name);

        admin.get("/app/admin/workspaces");
        assertThat(admin.post("/app/admin/workspaces/" + workspace + "/suspend", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(statusOf(workspace)).isEqualTo("suspended");
        assertThat(admin.get("/app/admin/workspaces?status=suspended").body()).contains("Reactivate " + name);

        assertThat(admin.post("/app/admin/workspaces/" + workspace + "/reactivate", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(statusOf(workspace)).isEqualTo("active");
        assertThat(admin.post("/app/admin/workspaces/" + UUID.randomUUID() + "/suspend", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPlatformAdminStoresAConnectionWhoseSecretIsNeverShownAgain() {
        Browser admin = platformAdmin();
        assertThat(admin.get("/app/admin/connections").body())
                .contains("LinkedIn app")
                .contains("From the environment (read-only)");

        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("noSmtpInTheEnvironment", Map.of("spring.mail.host", "")));
        try {
            assertThat(admin.get("/app/admin/connections").body()).contains("id=\"smtp-host\"");

            var refused = admin.post("/app/admin/connections/smtp", Map.of("host", "smtp.example.com", "port", "0"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"smtp-port-error\"").contains("value=\"smtp.example.com\"");

            String password = "smtp-password-" + UUID.randomUUID();
            var stored = admin.post(
                    "/app/admin/connections/smtp",
                    Map.of("host", "smtp.example.com", "port", "587", "username", "reach", "password", password));
            assertThat(stored.statusCode()).isEqualTo(302);

            String page = admin.get("/app/admin/connections").body();
            assertThat(page)
                    .contains("Stored here.")
                    .contains("value=\"smtp.example.com\"")
                    .contains("set; leave blank to keep")
                    .doesNotContain(password);
            assertThat(api.get("/api/v1/admin/connections/smtp", Api.ADMIN)
                            .json()
                            .get("source")
                            .asString())
                    .isEqualTo("database");

            assertThat(admin.post("/app/admin/connections/smtp/clear", Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(admin.get("/app/admin/connections").body()).doesNotContain("Stored here.");
            assertThat(admin.post("/app/admin/connections/fax", Map.of("host", "x"))
                            .statusCode())
                    .isEqualTo(404);
        } finally {
            environment.getPropertySources().remove("noSmtpInTheEnvironment");
            api.delete("/api/v1/admin/connections/smtp", Api.ADMIN);
        }
    }

    @Test
    void aWorkspaceOwnerGetsNoPlatformAdministration() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);

        assertThat(browser.get("/").body()).doesNotContain("/app/admin/");
        assertThat(browser.get("/app/admin/workspaces").statusCode()).isEqualTo(403);
        assertThat(browser.get("/app/admin/connections").statusCode()).isEqualTo(403);
        assertThat(browser.post("/app/admin/workspaces", Map.of("name", "Not mine"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.post("/app/admin/workspaces/" + owner.tenantId() + "/suspend", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.post("/app/admin/connections/smtp", Map.of("host", "smtp.example.com", "port", "25"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(statusOf(owner.tenantId().toString())).isEqualTo("active");
    }

    private Browser platformAdmin() {
        Browser browser = new Browser(api);
        browser.get("/sign-in");
        var signedIn = browser.post("/sign-in", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    private String statusOf(String workspace) {
        return api.get("/api/v1/admin/tenants/" + workspace, Api.ADMIN)
                .json()
                .get("status")
                .asString();
    }
}
