package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.measurement.rollup.TrackerRollups;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The tracking script pages embed: served to anyone, small, without cookies or storage, and
 * sending what ingestion accepts (the bodies below are the ones its {@code body} function builds).
 */
@ReachTest
class TrackingScriptTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    TrackerRollups rollups;

    @Autowired
    TrackingSnippet snippet;

    @Test
    void theScriptIsServedToAnyoneAsSmallCacheableJavaScriptThatKeepsNothingInTheBrowser() {
        var served = api.get("/js/reach.js", null);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("text/javascript");
        assertThat(served.header("Cache-Control")).isEqualTo("max-age=3600, public");
        assertThat(served.header("Set-Cookie")).isNull();
        assertThat(served.body().getBytes(StandardCharsets.UTF_8).length)
                .as("under 2 KB")
                .isLessThan(2048);
        assertThat(served.body())
                .doesNotContain("document.cookie", "localStorage", "sessionStorage", "eval(", "Function(")
                .contains("sendBeacon", "keepalive:true", "pushState", "replaceState", "popstate", "data-site-key");
        assertThat(api.send("GET", "/js/reach.js", null, null, List.of("If-None-Match", served.header("ETag")))
                        .status())
                .as("revalidated by its ETag")
                .isEqualTo(304);
        assertThat(api.get("/v3/api-docs", null).json().get("paths").has("/js/reach.js"))
                .as("a file, not an API operation")
                .isFalse();
    }

    @Test
    void theEventsTheScriptBuildsAreStoredAndCounted() {
        String script = api.get("/js/reach.js", null).body();
        Accounts.SignedIn ada = accounts.owner();
        String key = api.post("/api/v1/site-keys", ada.accessToken(), """
                {"name": "shop", "allowed_origins": ["https://shop.example"]}""")
                .json()
                .get("key")
                .asString();
        assertThat(script).as("where it posts").contains("'/api/v1/ingest/trackers?site_key='");
        String path = "/api/v1/ingest/trackers?site_key=" + key;
        String session = UUID.randomUUID().toString();
        String pageView = """
                [{"event_type":"page_view","session_id":"%s","page_url":"https://shop.example/pricing",\
                "screen_resolution":"1920x1080","referrer_url":"https://news.example/"}]""".formatted(session);
        String signup = """
                [{"event_type":"signup","session_id":"%s","page_url":"https://shop.example/pricing",\
                "screen_resolution":"1920x1080","custom_properties":{"plan":"pro"},"event_value":49}]""".formatted(session);
        assertThat(fieldsBuiltBy(script))
                .as("the fields of the script's body function are the ones posted here")
                .containsExactlyInAnyOrder(
                        "event_type",
                        "session_id",
                        "page_url",
                        "screen_resolution",
                        "referrer_url",
                        "custom_properties",
                        "event_value");

        for (String body : List.of(pageView, signup)) {
            var sent = api.send(
                    "POST",
                    path,
                    null,
                    body,
                    List.of(
                            "Origin",
                            "https://shop.example",
                            "Content-Type",
                            "text/plain;charset=UTF-8",
                            "User-Agent",
                            FIREFOX));
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            assertThat(sent.json().get("stored").asInt()).as(sent.body()).isEqualTo(1);
            assertThat(sent.json().get("rejected").size()).isZero();
        }

        assertThat(rows(ada.tenantId()))
                .extracting(row -> row.get("event_type"))
                .containsExactlyInAnyOrder("page_view", "signup");
        assertThat(rows(ada.tenantId()))
                .filteredOn(row -> "signup".equals(row.get("event_type")))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("session_id", session)
                        .containsEntry("screen_resolution", "1920x1080")
                        .containsEntry("browser_name", "Firefox")
                        .containsEntry("plan", "pro")
                        .containsEntry("event_value", 49));

        rollups.runDue();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String window = "from=" + hour.minus(1, ChronoUnit.DAYS) + "&to=" + hour.plus(2, ChronoUnit.HOURS);
        assertThat(top(ada, "page_url", window)).containsEntry("https://shop.example/pricing", 2L);
        assertThat(top(ada, "event_type", window))
                .containsEntry("page_view", 1L)
                .containsEntry("signup", 1L);
        assertThat(top(ada, "referrer_url", window)).containsEntry("https://news.example/", 1L);
    }

    @Test
    void theSnippetLoadsTheScriptFromThisInstallationWithTheSiteKey() {
        String tag = snippet.forKey("rs_site_abc_def");

        assertThat(tag)
                .isEqualTo("<script defer src=\"" + api.publicUrl()
                        + "/js/reach.js\" data-site-key=\"rs_site_abc_def\"></script>");
        String src = tag.substring(tag.indexOf("src=\"") + 5, tag.indexOf("\" data-site-key"));
        assertThat(api.get(src.substring(api.publicUrl().length()), null).status())
                .isEqualTo(200);
    }

    /** The snake_case names in the script's {@code body} function: the event fields it sends. */
    private static Set<String> fieldsBuiltBy(String script) {
        int start = script.indexOf("function body(");
        assertThat(start).as("the body function").isNotNegative();
        String body = script.substring(start, script.indexOf('\n', start));
        return Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b")
                .matcher(body)
                .results()
                .map(match -> match.group())
                .collect(Collectors.toSet());
    }

    private Map<String, Long> top(Accounts.SignedIn who, String dimension, String window) {
        JsonNode items = api.get("/api/v1/analytics/top?dimension=" + dimension + "&" + window, who.accessToken())
                .json()
                .get("items");
        return items.valueStream()
                .collect(Collectors.toMap(
                        item -> item.get("value").asString(),
                        item -> item.get("events").asLong()));
    }

    private List<Map<String, @Nullable Object>> rows(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForList("""
                    select event_type, session_id, screen_resolution, browser_name, event_value::int as event_value,
                        custom_properties ->> 'plan' as plan
                    from measurement.trackers""");
        });
    }
}
