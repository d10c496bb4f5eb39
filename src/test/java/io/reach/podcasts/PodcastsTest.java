package io.reach.podcasts;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The podcast catalog through the API: by hand, and imported from feeds shaped as hosts write them
 * (iTunes and Podcasting 2.0 tags, an item without a guid, an enclosure that changes), with
 * DOCTYPEs refused and every workspace seeing only its own.
 */
@ReachTest
class PodcastsTest {

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                 xmlns:podcast="https://podcastindex.org/namespace/1.0">
              <channel>
                <title>The Reach Show</title>
                <link>https://show.example/</link>
                <description>Marketing, measured.</description>
                <language>en-gb</language>
                <itunes:author>Ada</itunes:author>
                <itunes:owner><itunes:name>Ada Lovelace</itunes:name><itunes:email>ada@show.example</itunes:email></itunes:owner>
                <itunes:category text="Business"><itunes:category text="Marketing"/></itunes:category>
                <itunes:explicit>false</itunes:explicit>
                <itunes:image href="https://show.example/art.jpg"/>
                <podcast:guid>%s</podcast:guid>
                <item>
                  <title>Episode 2: Attribution</title>
                  <guid isPermaLink="false">ep-2</guid>
                  <pubDate>Tue, 01 Dec 2026 06:00:00 GMT</pubDate>
                  <enclosure url="%s" length="48000000" type="audio/mpeg"/>
                  <itunes:duration>00:50:00</itunes:duration>
                  <itunes:episode>2</itunes:episode>
                  <itunes:season>1</itunes:season>
                  <itunes:episodeType>full</itunes:episodeType>
                  <podcast:episode>2.5</podcast:episode>
                  <podcast:transcript url="https://show.example/2.vtt" type="text/vtt" language="en"/>
                  <podcast:chapters url="https://show.example/2.json" type="application/json+chapters"/>
                  <podcast:person role="guest" href="https://grace.example">Grace Hopper</podcast:person>
                </item>
                <item>
                  <title>Episode 1: Downloads</title>
                  <link>https://show.example/1</link>
                  <pubDate>Tue, 24 Nov 2026 06:00:00 GMT</pubDate>
                  <enclosure url="https://cdn.show.example/1.mp3" length="30000000" type="audio/mpeg"/>
                  <itunes:duration>1800</itunes:duration>
                </item>
              </channel>
            </rss>""";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aFeedIsImportedWithItsTagsAndImportedAgainItKeepsEpisodesAndTheirOldEnclosures() {
        String token = accounts.owner().accessToken();
        String guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810";
        Api.Response first = importFeed(token, FEED.formatted(guid, "https://cdn.show.example/2.mp3"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("episodes_created").asInt()).isEqualTo(2);
        JsonNode podcast = first.json().get("podcast");
        assertThat(podcast.get("name").asString()).isEqualTo("The Reach Show");
        assertThat(podcast.get("podcast_guid").asString()).isEqualTo(guid);
        assertThat(podcast.get("owner_email").asString()).isEqualTo("ada@show.example");
        assertThat(podcast.get("category").asString()).isEqualTo("Business");
        assertThat(podcast.get("language").asString()).isEqualTo("en-gb");
        assertThat(podcast.get("artwork_url").asString()).isEqualTo("https://show.example/art.jpg");

        String id = podcast.get("id").asString();
        List<JsonNode> episodes = api.get("/api/v1/podcasts/" + id + "/episodes", token)
                .json()
                .get("items")
                .valueStream()
                .toList();
        JsonNode two = episodes.stream()
                .filter(episode -> episode.get("guid").asString().equals("ep-2"))
                .findFirst()
                .orElseThrow();
        assertThat(two.get("episode_number").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(two.get("season").asInt()).isEqualTo(1);
        assertThat(two.get("duration_seconds").asInt()).isEqualTo(3000);
        assertThat(two.get("file_bytes").asLong()).isEqualTo(48_000_000L);
        assertThat(two.get("transcripts").get(0).get("type").asString()).isEqualTo("text/vtt");
        assertThat(two.get("chapters_url").asString()).isEqualTo("https://show.example/2.json");
        assertThat(two.get("persons").get(0).get("name").asString()).isEqualTo("Grace Hopper");
        JsonNode one = episodes.stream()
                .filter(episode -> !episode.get("guid").asString().equals("ep-2"))
                .findFirst()
                .orElseThrow();
        assertThat(one.get("guid").asString())
                .as("no <guid>: a stable id, not the link")
                .startsWith("reach:")
                .doesNotContain("show.example/1");

        Api.Response again = importFeed(token, FEED.formatted(guid, "https://cdn2.show.example/2-fixed.mp3"));
        assertThat(again.json().get("episodes_created").asInt()).isZero();
        assertThat(again.json().get("episodes_updated").asInt()).isEqualTo(2);
        JsonNode moved =
                api.get("/api/v1/episodes/" + two.get("id").asString(), token).json();
        assertThat(moved.get("episode").get("audio_url").asString()).isEqualTo("https://cdn2.show.example/2-fixed.mp3");
        assertThat(moved.get("enclosures").valueStream().map(JsonNode::asString))
                .containsExactly("https://cdn.show.example/2.mp3", "https://cdn2.show.example/2-fixed.mp3");
        assertThat(api.get("/api/v1/podcasts", token).json().get("items").size())
                .isEqualTo(1);
    }

    @Test
    void aFeedWithoutItsOwnGuidGetsTheNamespacesAndADoctypeIsRefused() {
        String token = accounts.owner().accessToken();
        String noGuid =
                FEED.formatted("x", "https://cdn.show.example/2.mp3").replace("<podcast:guid>x</podcast:guid>", "");
        Api.Response imported = api.send(
                "POST",
                "/api/v1/podcasts/import?rss_feed_url=https://podnews.net/rss",
                token,
                noGuid,
                List.of("Content-Type", "application/rss+xml"));
        assertThat(imported.json().get("podcast").get("podcast_guid").asString())
                .isEqualTo("9b024349-ccf0-5f69-a609-6b82873eab3c");

        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title></channel></rss>""";
        Api.Response refused = importFeed(token, xxe);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("root:");
        assertThat(importFeed(token, "not a feed").status()).isEqualTo(400);

        String overlong = FEED.formatted("917393e3-1b1e-5cef-ace4-edaa54e1f810", "https://cdn.show.example/2.mp3")
                .replace(
                        "<description>Marketing, measured.</description>",
                        "<description>" + "x".repeat(60_000) + "</description>")
                .replace(
                        "<itunes:email>ada@show.example</itunes:email>",
                        "<itunes:email>" + "a".repeat(300) + "@show.example</itunes:email>")
                .replace(
                        "<itunes:episodeType>full</itunes:episodeType>",
                        "<itunes:episodeType>full</itunes:episodeType><description>" + "y".repeat(120_000)
                                + "</description>");
        Api.Response taken = importFeed(token, overlong);
        assertThat(taken.status())
                .as("a feed's overlong texts are cut to what the catalog holds")
                .isEqualTo(200);
        assertThat(taken.json().get("podcast").get("description").asString()).hasSize(50_000);
        assertThat(taken.json().get("podcast").get("owner_email").asString()).hasSize(254);
    }

    @Test
    void podcastsAndEpisodesByHandAreCheckedAndStayInTheirWorkspace() {
        String token = accounts.owner().accessToken();
        Api.Response made = api.post("/api/v1/podcasts", token, """
                {"name": "Hand made", "rss_feed_url": "https://hand.example/feed.xml", "language": "fr"}""");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asString();
        assertThat(made.json().get("podcast_guid").asString())
                .isEqualTo(PodcastGuid.of("hand.example/feed.xml").toString());
        assertThat(api.post(
                                "/api/v1/podcasts",
                                token,
                                "{\"name\": \"Again\", \"rss_feed_url\": \"https://hand.example/feed.xml\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/podcasts", token, "{\"rss_feed_url\": \"javascript:alert(1)\"}")
                        .body())
                .contains("name")
                .contains("rss_feed_url");

        Api.Response episode = api.post("/api/v1/podcasts/" + id + "/episodes", token, """
                {"title": "Pilot", "audio_url": "https://hand.example/pilot.mp3", "episode_type": "trailer",
                 "published_at": "2026-12-01T06:00:00Z", "file_bytes": 1000}""");
        assertThat(episode.status()).as(episode.body()).isEqualTo(201);
        String guid = episode.json().get("episode").get("guid").asString();
        assertThat(api.post(
                                "/api/v1/podcasts/" + id + "/episodes",
                                token,
                                "{\"title\": \"Twin\", \"guid\": \"" + guid + "\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/podcasts/" + id + "/episodes",
                                token,
                                "{\"title\": \"Odd\", \"episode_type\": \"teaser\"}")
                        .status())
                .isEqualTo(400);

        String stranger = accounts.owner().accessToken();
        assertThat(api.get("/api/v1/podcasts/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/podcasts/" + id + "/episodes", stranger).status())
                .isEqualTo(404);
        String episodeId = episode.json().get("episode").get("id").asString();
        assertThat(api.get("/api/v1/episodes/" + episodeId, stranger).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/episodes/" + episodeId, stranger, null, List.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/podcasts", stranger).json().get("items").size())
                .isZero();

        assertThat(api.send("DELETE", "/api/v1/podcasts/" + id, token, null, List.of())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/episodes/" + episodeId, token).status()).isEqualTo(404);
    }

    @Test
    void theConsoleImportsAShowAndListsItsEpisodes() {
        Accounts.SignedIn owner = accounts.owner();
        Browser browser = Browser.signedIn(api, owner);
        assertThat(browser.get("/app/podcasts").body()).contains("No podcasts yet");
        var refused =
                browser.upload("/app/podcasts/import", Map.of("rss_feed_url", "ftp://x"), "feed", "f.xml", "<rss/>");
        assertThat(refused.statusCode()).isEqualTo(400);

        var imported = browser.upload(
                "/app/podcasts/import",
                Map.of("rss_feed_url", "https://show.example/feed.xml"),
                "feed",
                "feed.xml",
                FEED.formatted("917393e3-1b1e-5cef-ace4-edaa54e1f810", "https://cdn.show.example/2.mp3"));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        String page = java.net
                .URI
                .create(imported.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(browser.get(page).body())
                .contains("The Reach Show")
                .contains("Episode 2: Attribution")
                .contains("Episode 1: Downloads")
                .contains("50 min");
        assertThat(browser.get("/app/podcasts").body()).contains("https://show.example/feed.xml");
        assertThat(Browser.signedIn(api, accounts.owner()).get(page).statusCode())
                .isEqualTo(404);
    }

    private Api.Response importFeed(String token, String xml) {
        return api.send(
                "POST",
                "/api/v1/podcasts/import?rss_feed_url=https://show.example/feed.xml",
                token,
                xml,
                List.of("Content-Type", "application/rss+xml"));
    }
}
