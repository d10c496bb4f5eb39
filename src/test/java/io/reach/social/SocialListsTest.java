package io.reach.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.OwnerDatabase;
import io.reach.support.Pages;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Social analytics answer {items, next_cursor}: snapshots paged oldest first, trends with every day of the window (#14.10). */
@ReachTest
class SocialListsTest {

    private static final UUID X_CHANNEL = UUID.fromString("0193a0c0-0000-7000-8000-000000000005");
    private static final String WINDOW = "from=2026-01-01T00:00:00Z&to=2026-01-06T00:00:00Z";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OwnerDatabase owner;

    @Test
    void aDailyTrendHasEveryDayOfTheWindowQuietDaysSummingToZero() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = accountWithSnapshots(ada);

        JsonNode trend = Pages.whole(
                api, "/api/v1/social/accounts/" + account + "/metrics/trend?interval=day&" + WINDOW, ada.accessToken());

        assertThat(trend.valueStream().map(point -> point.get("period").asString()))
                .containsExactly(
                        "2026-01-01T00:00:00Z",
                        "2026-01-02T00:00:00Z",
                        "2026-01-03T00:00:00Z",
                        "2026-01-04T00:00:00Z",
                        "2026-01-05T00:00:00Z");
        assertThat(trend.valueStream().map(point -> point.get("reach").asLong()))
                .containsExactly(0L, 12L, 0L, 0L, 7L);
        assertThat(trend.valueStream().map(point -> point.get("followers_count").asLong()))
                .as("a quiet day keeps the followers of the day before")
                .containsExactly(0L, 105L, 105L, 105L, 110L);
        assertThat(trend.get(4).get("followers_gained").asLong()).isEqualTo(5);
        assertThat(trend.get(2).get("followers_gained").asLong()).isZero();
        assertThat(api.get(
                                "/api/v1/social/accounts/" + account + "/metrics/trend?from=2020-01-01T00:00:00Z"
                                        + "&to=2026-01-01T00:00:00Z",
                                ada.accessToken())
                        .status())
                .as("thousands of days")
                .isEqualTo(400);
        assertThat(Pages.whole(
                                api,
                                "/api/v1/social/accounts/" + account + "/metrics/trend?interval=week&" + WINDOW,
                                ada.accessToken())
                        .size())
                .as("the weeks of 29 December and 5 January")
                .isEqualTo(2);
    }

    @Test
    void snapshotsArePagedOldestFirst() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = accountWithSnapshots(ada);

        Pages.Walk walk =
                Pages.walk(api, "/api/v1/social/accounts/" + account + "/metrics?" + WINDOW, ada.accessToken(), 2);

        assertThat(walk.pages()).isEqualTo(2);
        assertThat(walk.items().stream()
                        .map(snapshot -> snapshot.get("captured_at").asString()))
                .containsExactly("2026-01-02T10:00:00Z", "2026-01-02T20:00:00Z", "2026-01-05T12:00:00Z");
        assertThat(Pages.whole(api, "/api/v1/social/accounts/" + account + "/top-content", ada.accessToken()))
                .isEmpty();
        assertThat(Pages.whole(api, "/api/v1/social/accounts/" + account + "/audience", ada.accessToken()))
                .isEmpty();
    }

    @Test
    void theAnalyticsReadsAnswerCsvWhenAsked() {
        Accounts.SignedIn ada = accounts.owner();
        UUID account = accountWithSnapshots(ada);
        String base = "/api/v1/social/accounts/" + account;

        var trend = api.get(base + "/metrics/trend?format=csv&" + WINDOW, ada.accessToken());
        var snapshots = api.send(
                "GET", base + "/metrics?limit=2&" + WINDOW, ada.accessToken(), null, List.of("Accept", "text/csv"));

        assertThat(trend.status()).isEqualTo(200);
        assertThat(trend.contentType()).startsWith("text/csv");
        assertThat(trend.body().lines()).hasSize(6).first().asString().startsWith("period,followers_count,");
        assertThat(trend.body().lines().skip(2).findFirst().orElseThrow()).startsWith("2026-01-02T00:00:00Z,105,");
        assertThat(snapshots.contentType()).startsWith("text/csv");
        assertThat(snapshots.body().lines()).hasSize(3);
        assertThat(snapshots.header("Next-Cursor")).isNotBlank();
        for (String read : List.of("/metrics", "/metrics/trend", "/top-content", "/audience")) {
            assertThat(api.get(base + read + "?format=csv", ada.accessToken()).contentType())
                    .startsWith("text/csv");
            assertThat(api.get(base + read + "?format=xml", ada.accessToken()).status())
                    .isEqualTo(400);
        }
    }

    /** Three snapshots whose ids are not in time order: 2 January twice, 5 January once. */
    private UUID accountWithSnapshots(Accounts.SignedIn ada) {
        UUID account = fixtures.socialAccount(ada.tenantId(), "x", X_CHANNEL, "x-" + UUID.randomUUID());
        owner.run(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            String insert = """
                    insert into social.metrics_snapshots (tenant_id, id, social_account_id, captured_at, followers_count, reach)
                    values (?, ?, ?, cast(? as timestamptz), ?, ?)""";
            jdbc.update(
                    insert,
                    ada.tenantId(),
                    UUID.fromString("ffffffff-0000-4000-8000-000000000001"),
                    account,
                    "2026-01-02T10:00:00Z",
                    100,
                    10);
            jdbc.update(
                    insert,
                    ada.tenantId(),
                    UUID.fromString("00000000-0000-4000-8000-000000000002"),
                    account,
                    "2026-01-05T12:00:00Z",
                    110,
                    7);
            jdbc.update(
                    insert,
                    ada.tenantId(),
                    UUID.fromString("77777777-0000-4000-8000-000000000003"),
                    account,
                    "2026-01-02T20:00:00Z",
                    105,
                    12);
        });
        return account;
    }
}
