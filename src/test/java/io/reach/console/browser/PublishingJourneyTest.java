package io.reach.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Chrome;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import io.reach.support.SocialFlows;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A marketer's publishing day in a real browser, over the built-in sandbox platform: connect two
 * accounts, compose one post with a variant for each (the per-platform counter updating as they
 * type), have another admin approve it, and see it published on the calendar. Every page passes axe.
 */
@ReachTest
class PublishingJourneyTest {

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SocialFlows flows;

    @Test
    void aPostForTwoAccountsIsApprovedByAColleagueAndPublishedOnTheCalendar() {
        Accounts.SignedIn ada = accounts.owner();
        chrome.signIn(ada.email(), Accounts.PASSWORD);
        connectSandboxAccount();
        connectSandboxAccount();
        assertThat(chrome.driver().findElements(By.cssSelector("#main tbody tr")))
                .as("two connected accounts")
                .hasSize(2);
        chrome.check("accounts");

        String title = "Spring launch " + UUID.randomUUID().toString().substring(0, 8);
        String post = compose(title);
        chrome.press("Sign out");

        Accounts.SignedIn grace = accounts.owner();
        fixtures.addMember(ada.tenantId(), grace.userId(), "admin");
        chrome.signIn(grace.email(), Accounts.PASSWORD);
        chrome.fill(Map.of("workspace-switch", "Workspace of " + ada.email())).press("Switch");
        chrome.open("/app/publishing/approvals");
        assertThat(chrome.mainText()).contains(title);
        chrome.check("approvals");
        chrome.press("Approve");

        assertThat(flows.awaitSettled(ada.accessToken(), post).get("status").asString())
                .isEqualTo("published");
        chrome.open("/app/publishing/calendar?view=day&date=" + LocalDate.now(ZoneOffset.UTC));
        WebElement entry = chrome.find(By.xpath("//a[normalize-space()='" + title + "']/.."));
        assertThat(entry.getText()).contains("Published");
        chrome.check("calendar");
        chrome.open("/app/publishing/calendar");
        chrome.check("calendar-month");

        chrome.follow(title);
        assertThat(chrome.mainText()).contains("Published").contains("sandbox: success");
        chrome.check("post");
    }

    /** Connects a sandbox account from the accounts page: the browser goes to the platform and back. */
    private void connectSandboxAccount() {
        chrome.open("/app/accounts");
        chrome.fill(Map.of("platform", "sandbox")).press("Connect");
        chrome.until(driver -> chrome.path().startsWith("/app/accounts"));
    }

    /** Writes the post for both accounts and submits it for approval; the post's id. */
    private String compose(String title) {
        chrome.open("/app/publishing/new");
        List<WebElement> variants = chrome.driver().findElements(By.cssSelector("fieldset.variant"));
        assertThat(variants).hasSize(2);
        chrome.fill(Map.of("title", title));
        chrome.set(
                "publish_at",
                LocalDateTime.now(ZoneOffset.UTC)
                        .plusSeconds(8)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        int n = 0;
        for (WebElement variant : variants) {
            WebElement picked = variant.findElement(By.cssSelector("input[type=checkbox]"));
            if (!picked.isSelected()) {
                picked.click();
            }
            WebElement text = variant.findElement(By.cssSelector("textarea[data-counts=text]"));
            String before = variant.findElement(By.cssSelector(".counter")).getText();
            text.sendKeys("Our spring collection is here, variant " + (++n));
            chrome.until(driver ->
                    !variant.findElement(By.cssSelector(".counter")).getText().equals(before));
        }
        chrome.check("composer");
        chrome.press("Submit for approval");
        assertThat(chrome.path()).startsWith("/app/publishing/posts/");
        assertThat(chrome.mainText()).contains("Awaiting approval");
        return chrome.path().substring(chrome.path().lastIndexOf('/') + 1);
    }
}
