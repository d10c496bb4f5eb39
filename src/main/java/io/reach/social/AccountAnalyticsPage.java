package io.reach.social;

import io.reach.identity.SignedInMember;
import io.reach.identity.UserPrincipal;
import io.reach.platform.console.ConsolePage;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * One account's analytics in the console: its followers per day (a chart, and the table it is drawn
 * from), its best posts and its audience, over the last 7, 30 or 90 days; the same
 * {@link AccountAnalytics} as the API's analytics endpoints.
 */
@Controller
@ConsolePage
@Hidden
public class AccountAnalyticsPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    /** A day of the followers trend. */
    public record Day(String date, long followers, long gained, long reach, long impressions, long engagement) {}

    /** One of the best posts; {@code url} is empty unless it is a web address. */
    public record TopPost(
            String caption,
            String url,
            String mediaType,
            long likes,
            long comments,
            long shares,
            long reach,
            String engagementRate,
            String postedAt) {}

    /** One value of an audience breakdown (an age range, a country…) and its share. */
    public record Share(String label, long count, String percent) {}

    /** An audience breakdown: its title, the name of its values, and the values largest first. */
    public record Breakdown(String title, String column, List<Share> shares) {}

    private final AccountConnections connections;
    private final AccountAnalytics analytics;
    private final Clock clock;

    AccountAnalyticsPage(AccountConnections connections, AccountAnalytics analytics, Clock clock) {
        this.connections = connections;
        this.analytics = analytics;
        this.clock = clock;
    }

    @GetMapping("/app/accounts/{id}")
    @RequiresPermission(resource = "social_accounts", action = "read", idVariable = "id")
    String show(
            @SignedInMember UserPrincipal member,
            @PathVariable UUID id,
            @RequestParam(required = false, defaultValue = "30") int days,
            @RequestParam(required = false) @Nullable Boolean synced,
            Model model) {
        if (!PERIODS.contains(days)) {
            throw new BadRequestException("Invalid period", "days is 7, 30 or 90");
        }
        var account = AccountsPage.AccountRow.of(connections.account(id));
        TimeWindow window = TimeWindow.recent(null, null, Duration.ofDays(days), clock.instant());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("account", account);
        model.addAttribute("days", days);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("synced", synced);
        model.addAttribute(
                "trend",
                analytics.trend(id, window, "day").stream()
                        .map(AccountAnalyticsPage::day)
                        .toList());
        model.addAttribute(
                "top",
                analytics.topContent(id, window, 10).stream()
                        .map(AccountAnalyticsPage::topPost)
                        .toList());
        List<ContentInsights.Insight> audience = analytics.audience(id, today.minusDays(days), today);
        model.addAttribute(
                "audienceDate",
                audience.isEmpty() ? null : audience.getLast().snapshotDate().toString());
        model.addAttribute("audience", audience.isEmpty() ? List.of() : breakdowns(audience.getLast()));
        return "social/account";
    }

    @PostMapping("/app/accounts/{id}/sync")
    @RequiresPermission(resource = "social_accounts", action = "write", idVariable = "id")
    String sync(@PathVariable UUID id) {
        return "redirect:/app/accounts/" + id + "?synced="
                + analytics.syncNow(id).synced();
    }

    private static Day day(MetricsSnapshots.TrendPoint point) {
        return new Day(
                LocalDate.ofInstant(point.period(), ZoneOffset.UTC).toString(),
                point.followersCount(),
                point.followersGained(),
                point.reach(),
                point.impressions(),
                point.engagementCount());
    }

    private static TopPost topPost(ContentInsights.TopPost post) {
        return new TopPost(
                post.caption() == null || post.caption().isBlank() ? "(no caption)" : post.caption(),
                post.postUrl().startsWith("https://") || post.postUrl().startsWith("http://") ? post.postUrl() : "",
                post.mediaType() == null ? "" : post.mediaType(),
                post.likesCount(),
                post.commentsCount(),
                post.sharesCount(),
                post.reach(),
                String.format(Locale.ROOT, "%.2f %%", post.engagementRate()),
                AccountsPage.when(post.postedAt()));
    }

    private static List<Breakdown> breakdowns(ContentInsights.Insight insight) {
        return List.of(
                breakdown("Ages", "Age range", insight.ageRanges(), "range"),
                breakdown("Genders", "Gender", insight.genders(), "gender"),
                breakdown("Countries", "Country", insight.countries(), "country"),
                breakdown("Cities", "City", insight.cities(), "city"));
    }

    private static Breakdown breakdown(String title, String column, JsonNode values, String key) {
        long total =
                values.valueStream().mapToLong(v -> v.path("count").asLong(0)).sum();
        List<Share> shares = values.valueStream()
                .map(v -> {
                    long count = v.path("count").asLong(0);
                    return new Share(
                            v.path(key).asString(""),
                            count,
                            total == 0 ? "0.0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * count / total));
                })
                .toList();
        return new Breakdown(title, column, shares);
    }
}
