package io.reach.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Chrome;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every console page the navigation leads an owner to passes axe-core with no serious or critical
 * violation. The links are read from the page itself, so a module's new page is covered as soon as
 * it contributes its link; each page is shot for {@code docs/console/} when screenshots are asked for.
 */
@ReachTest
class AccessibilityPagesTest {

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void everyPageInTheNavigationPassesAxe() {
        Accounts.SignedIn owner = accounts.owner();
        someData(owner);
        chrome.signIn(owner.email(), Accounts.PASSWORD);
        assertThat(chrome.path()).isEqualTo("/");

        List<String> pages = navigation();
        assertThat(pages).as("the navigation's pages").contains("/app/site-keys", "/app/analytics");
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            chrome.open(page);
            String title = chrome.driver().getTitle();
            if (title == null || !title.endsWith("· Reach")) {
                problems.add(page + " does not open as a console page (title \"" + title + "\")");
                continue;
            }
            try {
                chrome.check(screenshotName(page));
            } catch (AssertionError violations) {
                problems.add(violations.getMessage());
            }
        }
        assertThat(problems).as("pages that fail").isEmpty();
    }

    /** The paths of the signed-in page's side navigation, in order. */
    private List<String> navigation() {
        Set<String> paths = new LinkedHashSet<>();
        for (WebElement link : chrome.driver().findElements(By.cssSelector("nav.side a[href^='/']"))) {
            String href = link.getDomAttribute("href");
            if (href != null && !href.equals("/")) {
                paths.add(href);
            }
        }
        return List.copyOf(paths);
    }

    /** {@code /app/settings/api-keys} is shot as {@code settings-api-keys.png}. */
    private static String screenshotName(String path) {
        return path.replaceFirst("^/app/", "").replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }

    /** Something on the pages that have lists: a site key with a page view. */
    private void someData(Accounts.SignedIn owner) {
        var key = api.post("/api/v1/site-keys", owner.accessToken(), """
                {"name": "Acme Shoes", "allowed_origins": ["https://shop.example"]}""");
        assertThat(key.status()).as(key.body()).isIn(200, 201);
        String ingest =
                "/api/v1/ingest/trackers?site_key=" + key.json().get("key").asString();
        var sent = api.send(
                "POST",
                ingest,
                null,
                """
                [{"event_type":"page_view","session_id":"%s","page_url":"https://shop.example/pricing"}]""".formatted(UUID.randomUUID()),
                List.of("Origin", "https://shop.example", "Content-Type", "text/plain;charset=UTF-8"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    }
}
