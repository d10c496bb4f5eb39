package io.reach.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.tenant.TenantId;
import io.reach.podcasts.counting.DownloadCounting;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Chrome;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A podcaster reads their downloads in a real browser: the show's report with the requests not
 * counted by reason, a report link opened without an account, an episode's requests of a day with
 * why each counted, an ad placed, and an IP list made on the measurement page. Every page passes axe-core.
 */
@ReachTest
class PodcastJourneyTest {

    static final String IPHONE = "AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)";

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    DownloadCounting counting;

    @Test
    void aPodcasterReadsWhyEachRequestCounted() {
        Accounts.SignedIn ada = accounts.owner();
        String podcast = api.post("/api/v1/podcasts", ada.accessToken(), "{\"name\": \"The Reach Show\"}")
                .json()
                .get("id")
                .asString();
        String audio = "https://cdn.example.com/journey/" + ada.tenantId() + ".mp3";
        String episode = api.post("/api/v1/podcasts/" + podcast + "/episodes", ada.accessToken(), """
                {"title": "Pilot", "audio_url": "%s", "file_bytes": 40000000, "duration_seconds": 2500}""".formatted(audio))
                .json()
                .at("/episode/id")
                .asString();
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update("update podcasts.episodes set threshold_bytes = 1000000, id3_bytes = 1000, bitrate = 128");
        });
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        api.post(
                "/api/v1/ingest/downloads",
                ada.accessToken(),
                String.join(
                        "\n",
                        line(day + "T08:00:00Z", "203.0.113.9", IPHONE, audio),
                        line(day + "T08:05:00Z", "203.0.113.9", IPHONE, audio),
                        line(day + "T09:00:00Z", "203.0.113.10", "curl/8.4.0", audio)));
        counting.countUncounted(TenantId.of(ada.tenantId()));
        chrome.signIn(ada.email(), Accounts.PASSWORD);

        chrome.open("/app/podcasts/" + podcast);
        chrome.follow("Downloads");
        assertThat(chrome.path()).isEqualTo("/app/podcasts/" + podcast + "/downloads");
        assertThat(chrome.mainText()).contains("utc_day").contains("duplicate").contains("bot");
        chrome.check("podcast-downloads");
        chrome.press("Create a report link");
        String link = chrome.find(org.openqa.selenium.By.cssSelector("[role=status] a"))
                .getAttribute("href");
        chrome.open(link.substring(link.indexOf("/reports/")));
        assertThat(chrome.mainText()).contains("The Reach Show").contains("A read-only download report");

        chrome.open("/app/episodes/" + episode + "?day=" + day);
        assertThat(chrome.mainText()).contains("counted").contains("duplicate").contains("bot");
        chrome.fill(Map.of("ad-name", "Sponsor read", "ad-type", "Mid-roll", "ad-position", "600", "ad-duration", "60"))
                .press("Place the ad");
        assertThat(chrome.mainText()).contains("Sponsor read");
        chrome.check("episode");

        chrome.open("/app/podcast-measurement");
        chrome.fill(Map.of("list-name", "Office", "list-networks", "192.0.2.0/24 # our office"))
                .press("Create the list");
        assertThat(chrome.mainText()).contains("The list was created").contains("Office");
        chrome.set("recount-from", day).set("recount-to", day).press("Recount these days");
        chrome.until(driver -> chrome.mainText().contains("succeeded"));
        chrome.check("podcast-measurement");
    }

    static String line(String time, String ip, String agent, String audio) {
        return """
                {"time": "%s", "ip": "%s", "user_agent": "%s", "status": 206, "range": "bytes=0-", "bytes": 2000000, "episode": "%s"}""".formatted(time, ip, agent, audio);
    }
}
