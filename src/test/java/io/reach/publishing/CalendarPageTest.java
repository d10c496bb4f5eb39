package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.ReachTest;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The content calendar in the workspace's time zone across DST changes: Europe/Berlin's autumn
 * day has 25 hours and its spring day 23, and a post at 01:30 local on the autumn day (23:30 UTC
 * the day before) is on that day, in its 01:00 hour.
 */
@ReachTest
class CalendarPageTest {

    private static final Pattern HOUR_ROW = Pattern.compile("<th scope=\"row\">");

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    io.reach.support.SocialFlows flows;

    @Test
    void aPostAtHalfPastOneOnTheDayClocksGoBackIsOnThatDayAndHour() {
        Accounts.SignedIn ada = accounts.owner();
        assertThat(api.patch("/api/v1/tenant/settings", ada.accessToken(), "{\"time_zone\": \"Europe/Berlin\"}")
                        .status())
                .isEqualTo(200);
        String account = sandboxAccount(ada);
        Browser browser = Browser.signedIn(api, ada);
        browser.get("/app/publishing/new");
        var composed = browser.post(
                "/app/publishing/new",
                Map.of(
                        "title",
                        "Night owl",
                        "account-" + account,
                        "on",
                        "text-" + account,
                        "Clocks go back tonight",
                        "publish_at",
                        "2027-10-31T01:30",
                        "action",
                        "draft"));
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(302);
        String post = URI.create(composed.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(api.get("/api/v1/posts/" + post.substring(post.lastIndexOf('/') + 1), ada.accessToken())
                        .json()
                        .get("scheduled_at")
                        .asString())
                .startsWith("2027-10-30T23:30");

        String month = browser.get("/app/publishing/calendar?view=month&date=2027-10-12")
                .body();
        assertThat(month).contains("October 2027").contains("Times in Europe/Berlin");
        assertThat(cell(month, "2027-10-31"))
                .contains("href=\"" + post + "\"")
                .contains("01:30</span> <a href=\"" + post + "\">Night owl</a>");
        assertThat(cell(month, "2027-10-30")).doesNotContain(post);

        String day =
                browser.get("/app/publishing/calendar?view=day&date=2027-10-31").body();
        assertThat(HOUR_ROW.matcher(day).results().count()).isEqualTo(25);
        assertThat(day)
                .containsPattern("<th scope=\"row\">01:00 \\(UTC\\+02:00\\)</th><td>\\s*<ul class=\"entries\">\\s*"
                        + "<li><span class=\"time\">01:30</span> <a href=\"" + post
                        + "\">Night owl</a> <span class=\"status status-draft\">Draft")
                .contains("<th scope=\"row\">02:00 (UTC+02:00)</th>")
                .contains("<th scope=\"row\">02:00 (UTC+01:00)</th>");
        String dayBefore =
                browser.get("/app/publishing/calendar?view=day&date=2027-10-30").body();
        assertThat(grid(dayBefore)).doesNotContain(post);
        assertThat(dayBefore.substring(dayBefore.indexOf("<h2>Drafts</h2>")))
                .contains("Sun 31 Oct 2027, 01:30</span> <a href=\"" + post + "\">Night owl</a>");

        String spring =
                browser.get("/app/publishing/calendar?view=day&date=2027-03-28").body();
        assertThat(HOUR_ROW.matcher(spring).results().count()).isEqualTo(23);
        assertThat(spring).doesNotContain("<th scope=\"row\">02:00");

        String week = browser.get("/app/publishing/calendar?view=week&date=2027-10-27")
                .body();
        assertThat(week)
                .contains("Week of 25 October 2027")
                .contains("href=\"/app/publishing/calendar?view=week&amp;date=2027-10-20\"")
                .contains("href=\"/app/publishing/calendar?view=week&amp;date=2027-11-03\"");
        assertThat(cell(week, "2027-10-31")).contains(post);
    }

    /** The calendar's table, without the drafts listed under it. */
    private static String grid(String page) {
        return page.substring(page.indexOf("<table class=\"calendar"), page.indexOf("<h2>Drafts</h2>"));
    }

    /** The calendar cell of a day, from its opening tag to the next cell. */
    private static String cell(String page, String date) {
        int start = page.indexOf("data-date=\"" + date + "\"");
        assertThat(start).as("cell of " + date).isNotNegative();
        int end = page.indexOf("</td>", start);
        return page.substring(start, end);
    }

    private String sandboxAccount(Accounts.SignedIn owner) {
        var started = flows.start(owner.accessToken(), "sandbox");
        var callback = api.execute(java.net.http.HttpRequest.newBuilder(URI.create(started.authorizationUrl()))
                .header("Cookie", started.cookie())
                .GET()
                .build());
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        return callback.json().get("id").asString();
    }
}
