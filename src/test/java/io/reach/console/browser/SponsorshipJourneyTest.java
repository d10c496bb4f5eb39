package io.reach.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Chrome;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sales lead books a sponsor in a real browser — the sponsor, an insertion order with its promo code —
 * and, once a conversion carries the code, reads it credited model by model on the attribution
 * dashboard. Every page passes axe-core.
 */
@ReachTest
class SponsorshipJourneyTest {

    @RegisterExtension
    static final Chrome chrome = new Chrome();

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aSponsorIsBookedAndItsCodeCredited() {
        Accounts.SignedIn ada = accounts.owner();
        chrome.signIn(ada.email(), Accounts.PASSWORD);
        chrome.open("/app/sponsors");
        chrome.check("sponsors-empty");
        chrome.fill(Map.of("sponsor-name", "Acme Coffee", "sponsor-industry", "food"))
                .press("Add sponsor");
        assertThat(chrome.mainText()).contains("The sponsor was added.").contains("Acme Coffee");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        chrome.set("booking-start", today.minusDays(3).toString())
                .set("booking-end", today.plusDays(10).toString())
                .fill(Map.of("booking-price", "900", "booking-promo", "ACME10"))
                .press("Book");
        assertThat(chrome.mainText())
                .contains("The insertion order was booked.")
                .contains("ACME10");
        chrome.check("sponsors-booked");

        api.post(
                "/api/v1/ingest/conversions",
                ada.accessToken(),
                "{\"occurred_at\": \"" + Instant.now().minusSeconds(60) + "\", \"action\": \"purchase\","
                        + " \"value\": 30, \"currency\": \"USD\", \"visitor\": \"v-1\", \"discount_code\": \"acme10\"}");
        chrome.follow("Attribution");
        assertThat(chrome.path()).isEqualTo("/app/attribution");
        assertThat(chrome.mainText())
                .contains("Conversions: 1 ")
                .contains("promo_code")
                .contains("Shapley value")
                .contains("Markov removal effect");
        chrome.check("attribution-dashboard");
        chrome.press("Analyse " + today.minusDays(29) + " to " + today);
        assertThat(chrome.mainText()).contains("Stored analyses").contains("of 30 days");
    }

    @Test
    void aTranscriptIsUploadedSearchedAndASponsorMatched() {
        Accounts.SignedIn ada = accounts.owner();
        String podcast = api.post(
                        "/api/v1/podcasts",
                        ada.accessToken(),
                        "{\"name\": \"Stride Radio\", \"category\": \"Health & Fitness\", \"language\": \"en\"}")
                .json()
                .get("id")
                .asString();
        String episode = api.post(
                        "/api/v1/podcasts/" + podcast + "/episodes",
                        ada.accessToken(),
                        "{\"guid\": \"e-1\", \"title\": \"Marathon month\"}")
                .json()
                .at("/episode/id")
                .asString();
        chrome.signIn(ada.email(), Accounts.PASSWORD);
        chrome.open("/app/episodes/" + episode);
        chrome.follow("Transcript");
        assertThat(chrome.mainText()).contains("no transcript yet");
        chrome.set("transcript-format", "text")
                .fill(Map.of("transcript-text", "We train for the marathon with long runs.\n\nThen we rest."))
                .press("Store the transcript");
        assertThat(chrome.mainText()).contains("The transcript was stored.").contains("2 segments");
        chrome.check("transcript-stored");

        chrome.open("/app/transcripts");
        chrome.fill(Map.of("q", "training marathons")).press("Search");
        assertThat(chrome.mainText()).contains("1 passages").contains("Marathon month");
        chrome.check("transcripts-search");

        chrome.open("/app/sponsors");
        chrome.fill(Map.of(
                        "sponsor-name", "Stride Shoes",
                        "sponsor-industry", "fitness apparel",
                        "sponsor-description", "Running shoes for marathon runners"))
                .press("Add sponsor");
        chrome.follow("Matches for Stride Shoes");
        chrome.press("Score every podcast");
        assertThat(chrome.mainText())
                .contains("Every podcast was scored for this sponsor.")
                .contains("Stride Radio")
                .contains("topical_fit");
        chrome.check("sponsor-matches");

        chrome.open("/app/sponsors");
        chrome.follow("Report for Stride Shoes");
        chrome.press("Make a report link");
        assertThat(chrome.mainText()).contains("Share this address").contains("/sponsor-reports/");
        chrome.check("sponsor-report-link");
    }
}
