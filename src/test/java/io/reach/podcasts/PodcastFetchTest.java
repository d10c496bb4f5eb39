package io.reach.podcasts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import io.reach.support.TestProviders;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    @Autowired
    FeedSync sync;

    @Autowired
    OwnerDatabase owner;

    @Test
    void anImportedFeedIsMeasuredAndKeptInSyncInTheBackground() {
        Accounts.SignedIn ada = accounts.owner();
        String path = "/feeds/" + UUID.randomUUID() + ".xml";
        String audio = TestProviders.SERVER.baseUrl() + path.replace(".xml", ".mp3");
        TestProviders.SERVER.stubFor(get(urlEqualTo(path))
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .atPriority(1)
                .willReturn(aResponse().withStatus(304)));
        TestProviders.SERVER.stubFor(get(urlEqualTo(path))
                .atPriority(5)
                .willReturn(aResponse()
                        .withHeader("ETag", "\"v1\"")
                        .withBody(PodcastsTest.FEED.formatted("917393e3-1b1e-5cef-ace4-edaa54e1f810", audio))));
        byte[] file = AudioFactsTest.file(AudioFactsTest.id3(1000, false), AudioFactsTest.MPEG1_128K, 417, 5000);
        TestProviders.SERVER.stubFor(head(urlEqualTo(path.replace(".xml", ".mp3")))
                .willReturn(aResponse().withHeader("Content-Length", String.valueOf(file.length))));
        TestProviders.SERVER.stubFor(get(urlEqualTo(path.replace(".xml", ".mp3")))
                .willReturn(aResponse().withStatus(206).withBody(file)));

        Api.Response imported = api.post(
                "/api/v1/podcasts/import",
                ada.accessToken(),
                "{\"rss_feed_url\": \"" + TestProviders.SERVER.baseUrl() + path + "\"}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String podcast = imported.json().at("/podcast/id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> thresholdOf(ada, podcast, "ep-2") != null);
        assertThat(thresholdOf(ada, podcast, "ep-2")).isEqualTo(1010L + AudioFactsTest.MINUTE_OF_FRAMES * 417L);

        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            jdbc.update(
                    "update podcasts.podcasts set feed_synced_at = now() - interval '2 hours' where id = ?::uuid",
                    podcast);
        });
        assertThat(sync.syncDue())
                .as("the due feed is fetched again (and answered 304)")
                .isGreaterThanOrEqualTo(1);
        Long syncedAgo = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            return jdbc.queryForObject(
                    "select extract(epoch from now() - feed_synced_at)::bigint from podcasts.podcasts"
                            + " where id = ?::uuid",
                    Long.class,
                    podcast);
        });
        assertThat(syncedAgo).isLessThan(60);
    }

    private @Nullable Long thresholdOf(Accounts.SignedIn workspace, String podcast, String guid) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + workspace.tenantId() + "'");
            return jdbc
                    .queryForList(
                            "select threshold_bytes from podcasts.episodes where podcast_id = ?::uuid and guid = ?",
                            Long.class,
                            podcast,
                            guid)
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        });
    }
}
