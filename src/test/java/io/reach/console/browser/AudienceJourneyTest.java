package io.reach.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Chrome;
import io.reach.support.ReachTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A marketer builds an audience in a real browser: a list, a file imported into it (progress
 * followed until done, the refused row reported by line), a segment whose count updates as its
 * condition is typed, and the preference centre's preview. Every page passes axe-core.
 */
@ReachTest
class AudienceJourneyTest {

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @TempDir
    Path files;

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aMarketerImportsIntoAListAndCountsASegmentAsTheyBuildIt() throws IOException {
        Accounts.SignedIn owner = accounts.owner();
        api.post(
                "/api/v1/contact-fields",
                owner.accessToken(),
                "{\"name\": \"plan\", \"label\": \"Plan\", \"field_type\": \"text\"}");
        chrome.signIn(owner.email(), Accounts.PASSWORD);

        chrome.open("/app/lists");
        chrome.fill(Map.of("list-name", "Newsletter")).press("Create list");
        assertThat(chrome.path()).matches("/app/lists/[0-9a-f-]+");
        chrome.check("contacts-list");

        chrome.open("/app/contact-imports");
        Path csv = files.resolve("people.csv");
        Files.writeString(csv, """
                email,first_name,plan
                ada@example.com,Ada,pro
                grace@example.com,Grace,pro
                not-an-address,Nobody,pro
                alan@example.com,Alan,free
                """);
        chrome.find(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        chrome.fill(Map.of("import-list", "Newsletter (single opt-in)")).press("Import");
        assertThat(chrome.path()).matches("/app/contact-imports/[0-9a-f-]+");
        chrome.until(driver -> chrome.mainText().contains("Status: done"));
        assertThat(chrome.mainText()).contains("4 of 4 rows done").contains("email");
        chrome.check("contact-import");

        chrome.open("/app/segments/new");
        chrome.fill(Map.of("segment-name", "Pro plan"));
        chrome.fill(Map.of("c0-type", "attribute"));
        chrome.until(driver -> !driver.findElements(By.id("c0-field")).isEmpty());
        chrome.fill(Map.of("c0-field", "Plan (text)", "c0-op", "eq", "c0-value", "pro"));
        chrome.until(driver -> driver.findElement(By.id("live-count")).getText().equals("2 contacts"));
        chrome.check("segment-builder");
        chrome.press("Save segment");
        assertThat(chrome.path()).matches("/app/segments/[0-9a-f-]+");
        assertThat(chrome.mainText()).contains("2 contacts").contains("Ada").contains("Grace");

        chrome.open("/app/preference-centre/preview");
        assertThat(chrome.driver().getPageSource()).contains("Weekly news");
        chrome.check("preference-centre-preview");
    }
}
