package io.reach.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.ingest.Sessionizer;
import io.reach.measurement.rollup.TrackerRollups;
import io.reach.platform.tenant.TenantId;
import io.reach.support.Accounts;
import io.reach.support.Chrome;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import io.reach.support.TestWebsite;
import io.reach.support.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The newcomer's journey in a real browser: sign up, confirm the address from the mail, sign in,
 * turn on the second step, sign in again with a code, add a site key, paste its snippet into a
 * website whose visitors' page views (one of them a History API navigation) reach the dashboard.
 * Every page on the way passes axe-core.
 */
@ReachTest
class AnalyticsJourneyTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/verify-email\\?token=[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @Autowired
    OwnerDatabase owner;

    @Autowired
    TrackerRollups rollups;

    @Autowired
    Sessionizer sessionizer;

    @Test
    void aNewcomerSignsUpSecuresTheAccountAndSeesTheirWebsitesVisitors() {
        String workspace = "Acme Shoes " + UUID.randomUUID().toString().substring(0, 8);
        String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";

        signUpAndConfirm(email, workspace);
        chrome.signIn(email, Accounts.PASSWORD);
        assertThat(chrome.path()).isEqualTo("/");
        assertThat(chrome.mainText()).contains(workspace);
        chrome.check("home-new-workspace");

        String secret = turnOnTheSecondStep();
        chrome.open("/");
        chrome.press("Sign out");
        assertThat(chrome.path()).startsWith("/sign-in");

        chrome.signIn(email, Accounts.PASSWORD);
        assertThat(chrome.driver().getTitle()).startsWith("Two-step sign-in");
        chrome.check("sign-in-code");
        chrome.fill(Map.of("code", Totp.code(secret, Instant.now().plusSeconds(30))))
                .press("Continue");
        assertThat(chrome.path()).isEqualTo("/");

        try (TestWebsite website = new TestWebsite()) {
            website.pasteIntoHead(addSiteKey(website.origin()));
            visit(website);
            UUID tenant = tenantNamed(workspace);
            awaitPageViews(tenant, website.origin(), 3);
            sessionizer.drain(TenantId.of(tenant));
            rollups.runDue();
            rollups.runDue();

            chrome.open("/app/analytics");
            assertThat(kpi("page_views")).isEqualTo("3");
            assertThat(kpi("visitors"))
                    .as("the visits are counted with the page views")
                    .isNotEqualTo("0");
            assertThat(kpi("sessions")).isNotEqualTo("0");
            assertThat(chrome.find(By.id("table-page")).getText())
                    .contains("/pricing/annual")
                    .contains(website.origin() + "/pricing");
            chrome.check("analytics-dashboard");

            chrome.find(By.xpath("//table[@id='table-page']//a[normalize-space()='" + website.origin() + "/pricing']"))
                    .click();
            chrome.until(driver -> chrome.path().contains("page="));
            assertThat(kpi("page_views")).as("filtered by the page").isEqualTo("1");
            assertThat(chrome.find(By.cssSelector("ul.analytics-filters")).getText())
                    .contains(website.origin() + "/pricing");
            chrome.check("analytics-dashboard-filtered");
        }
    }

    private void signUpAndConfirm(String email, String workspace) {
        chrome.open("/sign-up");
        chrome.check("sign-up");
        chrome.fill(Map.of("email", email, "password", Accounts.PASSWORD, "workspace", workspace))
                .press("Create workspace");
        assertThat(chrome.mainText()).contains("We sent a link to " + email);
        chrome.check("signed-up");

        List<String> mails = TestMailServer.mailsTo(email, 1);
        assertThat(mails).as("the verification mail").hasSize(1);
        Matcher link = LINK.matcher(mails.getFirst().replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a link in: %s", mails.getFirst()).isTrue();
        chrome.open(link.group(1));
        chrome.check("verify-email");
        chrome.press("Confirm my address");
        assertThat(chrome.driver().getPageSource()).contains("Your e-mail address is confirmed");
    }

    /** Turns on two-step sign-in on its settings page, as with an authenticator app; returns the app's secret. */
    private String turnOnTheSecondStep() {
        chrome.open("/app/settings/mfa");
        chrome.check("settings-mfa");
        chrome.press("Turn on two-step sign-in");
        String secret = chrome.find(By.id("secret")).getDomProperty("value");
        assertThat(chrome.find(By.id("otpauth")).getDomProperty("value")).contains("secret=" + secret);
        chrome.check("settings-mfa-enrol");
        chrome.fill(Map.of("code", Totp.code(secret, Instant.now()))).press("Confirm and turn on");
        assertThat(chrome.mainText()).contains("Two-step sign-in is on");
        return secret;
    }

    /** Adds a site key for {@code origin} on the site-key page; returns the snippet the page offers to copy. */
    private String addSiteKey(String origin) {
        chrome.open("/app/site-keys");
        chrome.fill(Map.of("name", "Shop", "origins", origin)).press("Add site key");
        assertThat(chrome.mainText()).contains("Allowed origins: " + origin);
        chrome.check("site-keys");
        String snippet = chrome.find(By.cssSelector("textarea[id^='snippet-']")).getDomProperty("value");
        assertThat(snippet).contains("/js/reach.js").contains("data-site-key=\"rs_site_");
        return snippet;
    }

    /** Two page loads and one single-page navigation: three page views. */
    private void visit(TestWebsite website) {
        chrome.open(website.origin() + "/");
        chrome.follow("Pricing");
        chrome.find(By.id("spa")).click();
        chrome.until(driver -> chrome.path().equals("/pricing/annual"));
    }

    private String kpi(String key) {
        return chrome.find(By.cssSelector("#kpi-" + key + " .analytics-kpi-value"))
                .getText();
    }

    private UUID tenantNamed(String name) {
        return owner.with(
                jdbc -> jdbc.queryForObject("select id from tenancy.tenants where name = ?", UUID.class, name));
    }

    private void awaitPageViews(UUID tenant, String origin, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        long stored = 0;
        while (stored < count && Instant.now().isBefore(deadline)) {
            stored = owner.with(jdbc -> {
                jdbc.execute("set app.tenant_id = '" + tenant + "'");
                return jdbc.queryForObject(
                        "select count(*) from measurement.trackers where event_type = 'page_view' and page_url like ?",
                        Long.class,
                        origin + "/%");
            });
        }
        assertThat(stored).as("page views sent by the script").isEqualTo(count);
    }
}
