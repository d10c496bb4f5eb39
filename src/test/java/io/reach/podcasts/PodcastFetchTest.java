package io.reach.podcasts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestProviders;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Feeds fetched by address from a host (WireMock): imported, fetched again conditionally (304:
 * nothing written), redirects followed; an episode's audio measured for its one-minute threshold.
 */
@ReachTest
class PodcastFetchTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aFeedIsFetchedThenFetchedAgainConditionallyAndItsAudioMeasured() {
        String token = accounts.owner().accessToken();
        String path = "/feeds/" + UUID.randomUUID() + ".xml";
        String audio = TestProviders.SERVER.baseUrl() + path.replace(".xml", ".mp3");
        String feed = PodcastsTest.FEED.formatted("917393e3-1b1e-5cef-ace4-edaa54e1f810", audio);
        TestProviders.SERVER.stubFor(get(urlEqualTo(path))
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .atPriority(1)
                .willReturn(aResponse().withStatus(304)));
        TestProviders.SERVER.stubFor(get(urlEqualTo(path))
                .atPriority(5)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withHeader("ETag", "\"v1\"")
                        .withBody(feed)));
        TestProviders.SERVER.stubFor(get(urlEqualTo("/moved" + path))
                .willReturn(aResponse().withStatus(301).withHeader("Location", path)));
        byte[] file = AudioFactsTest.file(AudioFactsTest.id3(1000, false), AudioFactsTest.MPEG1_128K, 417, 5000);
        TestProviders.SERVER.stubFor(head(urlEqualTo(path.replace(".xml", ".mp3")))
                .willReturn(aResponse().withHeader("Content-Length", String.valueOf(file.length))));
        TestProviders.SERVER.stubFor(get(urlEqualTo(path.replace(".xml", ".mp3")))
                .willReturn(aResponse().withStatus(206).withBody(file)));

        String url = TestProviders.SERVER.baseUrl() + "/moved" + path;
        Api.Response first = api.post("/api/v1/podcasts/import", token, "{\"rss_feed_url\": \"" + url + "\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("episodes_created").asInt()).isEqualTo(2);
        assertThat(first.json().get("unchanged").asBoolean()).isFalse();
        Api.Response again = api.post("/api/v1/podcasts/import", token, "{\"rss_feed_url\": \"" + url + "\"}");
        assertThat(again.json().get("unchanged").asBoolean())
                .as("the host answered 304")
                .isTrue();
        assertThat(again.json().get("episodes_updated").asInt()).isZero();

        String podcast = first.json().get("podcast").get("id").asString();
        JsonNode episode = api.get("/api/v1/podcasts/" + podcast + "/episodes", token)
                .json()
                .get("items")
                .valueStream()
                .filter(item -> item.get("guid").asString().equals("ep-2"))
                .findFirst()
                .orElseThrow();
        Api.Response measured =
                api.post("/api/v1/episodes/" + episode.get("id").asString() + "/audio-facts", token, "");
        assertThat(measured.status()).as(measured.body()).isEqualTo(200);
        JsonNode facts = measured.json().get("episode");
        assertThat(facts.get("id3_bytes").asInt()).isEqualTo(1010);
        assertThat(facts.get("threshold_bytes").asLong()).isEqualTo(1010L + AudioFactsTest.MINUTE_OF_FRAMES * 417L);
        assertThat(facts.get("file_bytes").asLong()).isEqualTo(file.length);
        assertThat(facts.get("bitrate").asInt()).isEqualTo(128);
        assertThat(facts.get("duration_estimated").asBoolean()).isFalse();

        assertThat(api.post("/api/v1/podcasts/import", token, "{\"rss_feed_url\": \"ftp://x\"}")
                        .status())
                .isEqualTo(400);
        Api.Response missing = api.post(
                "/api/v1/podcasts/import",
                token,
                "{\"rss_feed_url\": \"" + TestProviders.SERVER.baseUrl() + "/feeds/none.xml\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("answered 404");
    }
}
