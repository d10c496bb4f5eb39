package io.reach.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.campaigns.CampaignFlows;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Chrome;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An e-mail campaign in a real browser: write a template with variables, create the e-mail from it,
 * upload the recipients as a CSV (the bad row reported), preview one recipient's message, send a
 * test, send to everyone (GreenMail receives them) while the progress updates itself, and open the
 * analytics. Every page passes axe.
 */
@ReachTest
class MessagingJourneyTest {

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @TempDir
    Path files;

    @Test
    void aMarketerSendsAnEmailCampaignFromATemplateAndACsv() throws IOException {
        Accounts.SignedIn ada = accounts.owner();
        new CampaignFlows(api).activeCampaign(ada.accessToken(), "");
        String domain = "j" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        chrome.signIn(ada.email(), Accounts.PASSWORD);

        writeTemplate();
        String message = createMessage();
        uploadRecipients(message, domain);

        chrome.open("/app/messages/" + message + "/preview");
        assertThat(chrome.mainText()).contains("Grace, the sale is on").contains("Hello Grace, take 10% off");
        chrome.check("message-preview");
        String tester = "tester@" + domain;
        chrome.fill(Map.of("to", tester)).press("Send a test");
        assertThat(TestMailServer.mailsTo(tester, 1)).singleElement().asString().contains("Hello Grace");

        chrome.press("Send now");
        new WebDriverWait(chrome.driver(), Duration.ofSeconds(30))
                .until(driver -> chrome.find(By.id("progress")).getText().contains("Status: sent"));
        assertThat(chrome.find(By.id("progress")).getText()).contains("Processed 3 of 3");
        chrome.check("message-progress");
        assertThat(TestMailServer.messagesToDomain(domain, 4)).hasSize(4);

        chrome.open("/app/messages/" + message + "/analytics");
        assertThat(chrome.mainText()).containsPattern("Sent\\s+3");
        chrome.check("message-analytics");
    }

    private void writeTemplate() {
        chrome.open("/app/templates/new");
        chrome.fill(Map.of(
                        "name", "Sale",
                        "type", "email",
                        "subject", "{{first_name}}, the sale is on",
                        "html",
                                "<p>Hello {{first_name}}, take {{offer}} off.</p>"
                                        + "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>",
                        "text", "Hello {{first_name}}, take {{offer}} off.",
                        "variables", "first_name\noffer = 10%"))
                .press("Create template");
        assertThat(chrome.path()).startsWith("/app/templates/");
        chrome.check("template-editor");
    }

    /** Creates the e-mail of the campaign "Spring sale" from the template; its id. */
    private String createMessage() {
        chrome.open("/app/messages/new?channel=email");
        chrome.check("message-new");
        chrome.fill(Map.of("campaign_id", "Spring sale", "template_id", "Sale", "sender", "news@brand.example"))
                .press("Next: recipients");
        assertThat(chrome.path()).matches("/app/messages/[0-9a-f-]+/recipients");
        return chrome.path().split("/")[3];
    }

    private void uploadRecipients(String message, String domain) throws IOException {
        Path csv = files.resolve("recipients.csv");
        Files.writeString(csv, """
                email,first_name
                grace@%1$s,Grace
                alan@%1$s,Alan
                not-an-address,Nobody
                ada@%1$s,Ada
                """.formatted(domain));
        chrome.find(By.id("csv")).sendKeys(csv.toAbsolutePath().toString());
        chrome.press("Upload and check");
        assertThat(chrome.mainText()).contains("3 rows accepted").contains("1 rows refused");
        assertThat(chrome.path()).isEqualTo("/app/messages/" + message + "/recipients");
        chrome.check("message-recipients");
    }
}
