package io.reach.podcasts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestProviders;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Transcripts through the API (WebVTT, SRT, Podcasting 2.0 JSON and text; uploaded and fetched from
 * the feed), searched in their own language with highlighted hits and times, and sponsor matching
 * by sentence embeddings: a running podcast ranks above a medieval-history one for a running-shoe
 * sponsor, the history podcast's flagged passage is the brand-safety evidence, and the same inputs
 * give the same scores.
 */
@ReachTest
class TranscriptsAndMatchingTest {

    static final String RUNNING_VTT = """
            WEBVTT

            NOTE recorded at the track

            1
            00:00:01.000 --> 00:00:09.500
            <v Maya>Welcome back to the show about running, where we train for our first marathon.

            00:00:09.500 --> 00:00:20.000
            <v Sam>Today: long runs, interval training, the right running shoes and how much protein a runner needs.

            00:01:00.000 --> 00:01:30.250
            <v Maya>Marathon training is about easy miles, recovery days and <i>consistent</i> pacing &amp; hydration.
            """;

    static final String CASTLES_JSON = """
            {"version": "1.0.0", "segments": [
              {"speaker": "Edith", "startTime": 0.5, "endTime": 12.25,
               "body": "Medieval castles were built of stone with moats, keeps and curtain walls."},
              {"speaker": "Edith", "startTime": 12.25, "endTime": 30.0,
               "body": "At the feast the king poured wine for the barons before the siege of the keep."},
              {"speaker": "Hugh", "startTime": 30.0, "endTime": 55.0,
               "body": "Siege engines, trebuchets and the architecture of fortified towns in the twelfth century."}
            ]}""";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void transcriptsAreReadSearchedAndMatchedToASponsor() {
        String token = accounts.owner().accessToken();
        String running = podcast(token, "Stride Radio", "Health & Fitness", "en");
        String castles = podcast(token, "Keep and Moat", "History", "en");
        String runningEpisode = episode(token, running, "Marathon month");
        String castlesEpisode = episode(token, castles, "Castles of the twelfth century");

        Api.Response vtt = upload(token, runningEpisode, "text/vtt", RUNNING_VTT, "");
        assertThat(vtt.status()).as(vtt.body()).isEqualTo(200);
        JsonNode stored = vtt.json();
        assertThat(stored.get("format").asString()).isEqualTo("webvtt");
        assertThat(stored.get("search_config").asString()).isEqualTo("english");
        assertThat(stored.get("segment_count").asInt()).isEqualTo(3);
        JsonNode first = stored.get("segments").get(0);
        assertThat(first.get("starts_ms").asInt()).isEqualTo(1000);
        assertThat(first.get("ends_ms").asInt()).isEqualTo(9500);
        assertThat(first.get("speaker").asString()).isEqualTo("Maya");
        assertThat(stored.get("segments").get(2).get("body").asString())
                .isEqualTo("Marathon training is about easy miles, recovery days and consistent pacing & hydration.");
        assertThat(stored.get("segments").get(2).get("ends_ms").asInt()).isEqualTo(90250);

        Api.Response json = upload(token, castlesEpisode, "application/json", CASTLES_JSON, "?confidence_score=0.92");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().get("confidence_score").decimalValue()).isEqualByComparingTo("0.92");
        assertThat(json.json().get("flagged_segments").get("alcohol").asInt()).isEqualTo(1);
        assertThat(json.json().get("segments").get(1).get("flags").get(0).asString())
                .isEqualTo("alcohol");

        // Search: stemmed English ("trained" finds "training"), the hit's time and its marked words.
        Api.Response search = api.get("/api/v1/transcripts/search?q=trained%20marathon", token);
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        JsonNode hits = search.json().get("items");
        assertThat(hits.size()).isEqualTo(2);
        JsonNode best = hits.get(0);
        assertThat(best.get("episode_id").asString()).isEqualTo(runningEpisode);
        assertThat(best.get("podcast_id").asString()).isEqualTo(running);
        assertThat(best.get("starts_ms").asInt()).isIn(1000, 60000);
        List<String> marked = best.get("highlight")
                .valueStream()
                .filter(f -> f.get("hit").asBoolean())
                .map(f -> f.get("text").asString().toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(marked).contains("marathon").anyMatch(word -> word.startsWith("train"));
        assertThat(api.get("/api/v1/transcripts/search?q=trebuchet&podcast_id=" + running, token)
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/transcripts/search?q=trebuchets", token)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);

        // A German transcript is searched with German stemming: "Katze" finds "Katzen".
        String german = episode(token, running, "Laufen mit Katzen");
        Api.Response text =
                upload(token, german, "text/plain", "Die Katzen laufen mit.\n\nZweiter Absatz.", "?language=de");
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        assertThat(text.json().get("search_config").asString()).isEqualTo("german");
        assertThat(text.json().get("segments").get(0).get("starts_ms").isNull()).isTrue();
        assertThat(api.get("/api/v1/transcripts/search?q=Katze", token)
                        .json()
                        .get("items")
                        .get(0)
                        .get("episode_id")
                        .asString())
                .isEqualTo(german);

        // Matching: the running podcast fits a running-shoe sponsor better than the castles one.
        Api.Response sponsor = api.post("/api/v1/sponsors", token, """
                {"name": "Stride Shoes", "industry": "fitness apparel",
                 "description": "Running shoes and training gear for marathon runners and joggers",
                 "excluded_categories": ["alcohol"], "target_countries": ["us", "GB"],
                 "max_cpm": 25, "budget": 1000}""");
        assertThat(sponsor.status()).as(sponsor.body()).isEqualTo(201);
        assertThat(sponsor.json().get("target_countries").get(0).asString()).isEqualTo("US");
        String sponsorId = sponsor.json().get("id").asString();
        Api.Response matched = api.post("/api/v1/sponsors/" + sponsorId + "/matches", token, "");
        assertThat(matched.status()).as(matched.body()).isEqualTo(200);
        JsonNode ranked = matched.json().get("items");
        assertThat(ranked.size()).isEqualTo(2);
        assertThat(ranked.get(0).get("podcast_id").asString()).isEqualTo(running);
        assertThat(ranked.get(1).get("podcast_id").asString()).isEqualTo(castles);
        double topical = signal(ranked.get(0), "topical_fit").get("value").asDouble();
        assertThat(topical)
                .isGreaterThan(signal(ranked.get(1), "topical_fit").get("value").asDouble());
        assertThat(signal(ranked.get(0), "category_fit").get("value").asDouble())
                .isEqualTo(1.0);
        assertThat(signal(ranked.get(1), "category_fit").get("value").asDouble())
                .isEqualTo(0.0);
        JsonNode safety = signal(ranked.get(1), "brand_safety");
        assertThat(safety.get("value").asDouble()).isZero();
        assertThat(safety.get("evidence").get(0).get("text").asString()).contains("wine");
        assertThat(safety.get("evidence").get(0).get("starts_ms").asInt()).isEqualTo(12250);
        assertThat(ranked.get(0).get("rationale").asString()).contains("topical_fit", "cosine similarity");
        double sum = ranked.get(0)
                .get("signals")
                .valueStream()
                .mapToDouble(s -> s.get("contribution").asDouble())
                .sum();
        assertThat(ranked.get(0).get("score").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.0005));

        JsonNode again = api.post("/api/v1/sponsors/" + sponsorId + "/matches", token, "")
                .json()
                .get("items");
        assertThat(again.get(0).get("score").decimalValue())
                .isEqualByComparingTo(ranked.get(0).get("score").decimalValue());
        assertThat(again.get(1).get("score").decimalValue())
                .isEqualByComparingTo(ranked.get(1).get("score").decimalValue());
        assertThat(api.get("/api/v1/sponsors/" + sponsorId + "/matches", token)
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(2);
        JsonNode sponsorsForPodcast = api.post("/api/v1/podcasts/" + castles + "/sponsor-matches", token, "")
                .json()
                .get("items");
        assertThat(sponsorsForPodcast.get(0).get("sponsor_id").asString()).isEqualTo(sponsorId);
        assertThat(sponsorsForPodcast.get(0).get("score").decimalValue())
                .isEqualByComparingTo(ranked.get(1).get("score").decimalValue());
    }

    @Test
    void aTranscriptIsImportedFromTheFeedAndBadOnesAreRefused() {
        String token = accounts.owner().accessToken();
        String path = "/transcripts/" + UUID.randomUUID() + ".srt";
        TestProviders.SERVER.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-subrip")
                        .withBody("""
                        1
                        00:00:00,000 --> 00:00:04,200
                        Attribution is how a sale is traced to an ad.

                        2
                        00:00:04,200 --> 00:00:09,000
                        <i>Downloads</i> are counted by the IAB rules.
                        """)));
        String feedPath = "/feeds/" + UUID.randomUUID() + ".xml";
        String feed = PodcastsTest.FEED
                .formatted(UUID.randomUUID(), "https://cdn.show.example/2.mp3")
                .replace(
                        "<podcast:transcript url=\"https://show.example/2.vtt\" type=\"text/vtt\" language=\"en\"/>",
                        "<podcast:transcript url=\"" + TestProviders.SERVER.baseUrl() + path
                                + "\" type=\"application/x-subrip\" language=\"en\"/>");
        TestProviders.SERVER.stubFor(get(urlEqualTo(feedPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(feed)));
        Api.Response imported = api.post(
                "/api/v1/podcasts/import",
                token,
                "{\"rss_feed_url\": \"" + TestProviders.SERVER.baseUrl() + feedPath + "\"}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String podcast = imported.json().get("podcast").get("id").asString();
        JsonNode episodes = api.get("/api/v1/podcasts/" + podcast + "/episodes", token)
                .json()
                .get("items");
        String withTranscript = episodes.valueStream()
                .filter(e -> e.get("guid").asString().equals("ep-2"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        String without = episodes.valueStream()
                .filter(e -> !e.get("guid").asString().equals("ep-2"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        Api.Response fetched = api.post("/api/v1/episodes/" + withTranscript + "/transcript/import", token, "");
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.json().get("source").asString()).isEqualTo("feed");
        assertThat(fetched.json().get("format").asString()).isEqualTo("srt");
        assertThat(fetched.json().get("segments").get(1).get("body").asString())
                .isEqualTo("Downloads are counted by the IAB rules.");
        assertThat(fetched.json().get("segments").get(1).get("starts_ms").asInt())
                .isEqualTo(4200);
        assertThat(api.post("/api/v1/episodes/" + without + "/transcript/import", token, "")
                        .status())
                .isEqualTo(400);

        // Refused: an unread format, a malformed document, a bad language, another workspace's episode.
        Api.Response pdf = upload(token, withTranscript, "application/pdf", "%PDF", "");
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.body()).contains("Content-Type");
        assertThat(upload(token, withTranscript, "application/x-subrip", "no times here", "")
                        .status())
                .isEqualTo(400);
        assertThat(upload(token, withTranscript, "text/vtt", "00:00.000 --> 00:01.000\nhi", "")
                        .status())
                .as("WebVTT begins with WEBVTT")
                .isEqualTo(400);
        assertThat(upload(token, withTranscript, "application/json", "{\"segments\": [{\"body\": 3}]}", "")
                        .status())
                .isEqualTo(400);
        assertThat(upload(token, withTranscript, "application/json", "{not json", "")
                        .status())
                .isEqualTo(400);
        assertThat(upload(token, withTranscript, "text/plain", "words", "?language=english!")
                        .status())
                .isEqualTo(400);
        assertThat(upload(token, withTranscript, "text/plain", "words", "?confidence_score=2")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/transcripts/search?q=", token).status()).isEqualTo(400);
        String stranger = accounts.owner().accessToken();
        assertThat(upload(stranger, withTranscript, "text/plain", "words", "").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/episodes/" + withTranscript + "/transcript", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/transcripts/search?q=attribution", stranger)
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/episodes/" + withTranscript + "/transcript", token)
                        .json()
                        .get("segment_count")
                        .asInt())
                .as("the refused uploads left the stored transcript as it was")
                .isEqualTo(2);

        assertThat(api.delete("/api/v1/episodes/" + withTranscript + "/transcript", token)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/episodes/" + withTranscript + "/transcript", token)
                        .status())
                .isEqualTo(404);
        Api.Response badSponsor =
                api.post("/api/v1/sponsors", token, "{\"name\": \"X\", \"excluded_categories\": [\"nope\"]}");
        assertThat(badSponsor.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/sponsors/" + UUID.randomUUID() + "/matches", token, "")
                        .status())
                .isEqualTo(404);
    }

    private Api.Response upload(String token, String episode, String type, String body, String query) {
        return api.send(
                "PUT",
                "/api/v1/episodes/" + episode + "/transcript" + query,
                token,
                body,
                List.of("Content-Type", type));
    }

    private String podcast(String token, String name, String category, String language) {
        Api.Response created = api.post("/api/v1/podcasts", token, """
                {"name": "%s", "category": "%s", "language": "%s"}""".formatted(name, category, language));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String episode(String token, String podcast, String title) {
        Api.Response created =
                api.post("/api/v1/podcasts/" + podcast + "/episodes", token, """
                {"guid": "%s", "title": "%s"}""".formatted(UUID.randomUUID(), title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("episode").get("id").asString();
    }

    private static JsonNode signal(JsonNode match, String name) {
        return match.get("signals")
                .valueStream()
                .filter(s -> s.get("signal").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
