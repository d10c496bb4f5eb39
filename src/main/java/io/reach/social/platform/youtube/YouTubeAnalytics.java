package io.reach.social.platform.youtube;

import io.reach.social.PlatformError;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A YouTube channel's numbers: its statistics and its videos' counts from the Data API v3
 * ({@code channels?part=statistics}, {@code videos?part=statistics,snippet}), and from the YouTube
 * Analytics API v2 ({@code GET /v2/reports?ids=channel==MINE}, a table of {@code columnHeaders} and
 * {@code rows}) the last 28 days' views, interactions and audience.
 */
final class YouTubeAnalytics {

    private static final int ANALYTICS_DAYS = 28;
    private static final int VIDEOS_PER_CALL = 50;

    private final RestClient http;
    private final RestClient analytics;
    private final YouTubeApi api;
    private final Clock clock;

    YouTubeAnalytics(RestClient http, RestClient analytics, YouTubeApi api, Clock clock) {
        this.http = http;
        this.analytics = analytics;
        this.api = api;
        this.clock = clock;
    }

    /**
     * Channel statistics (subscribers, videos, lifetime views) and, from YouTube Analytics, the
     * last 28 days' views (as reach), likes + comments + shares (as engagement) and subscribers
     * gained and lost. Where the channel's analytics are refused for good, the counts alone.
     */
    Optional<SocialProvider.Metrics> metrics(SocialProvider.Account account) {
        JsonNode channel = api.myChannel(account.accessToken(), "statistics");
        if (channel.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode statistics = channel.path("statistics");
        Map<String, Object> extra = new TreeMap<>();
        extra.put(
                "hidden_subscriber_count",
                statistics.path("hiddenSubscriberCount").asBoolean(false));
        extra.put("view_count", JsonErrorBodies.count(statistics, "viewCount"));
        long views = 0;
        long engagement = 0;
        try {
            Map<String, Long> period =
                    report(account, "views,likes,comments,shares,subscribersGained,subscribersLost", null).stream()
                            .findFirst()
                            .map(row -> {
                                Map<String, Long> values = new HashMap<>();
                                row.forEach((name, value) ->
                                        values.put(name, value instanceof Number n ? n.longValue() : 0L));
                                return values;
                            })
                            .orElse(Map.of());
            views = period.getOrDefault("views", 0L);
            engagement = period.getOrDefault("likes", 0L)
                    + period.getOrDefault("comments", 0L)
                    + period.getOrDefault("shares", 0L);
            extra.put("period_days", ANALYTICS_DAYS);
            for (String name :
                    List.of("views", "likes", "comments", "shares", "subscribersGained", "subscribersLost")) {
                extra.put("period_" + snake(name), period.getOrDefault(name, 0L));
            }
        } catch (PlatformError e) {
            if (e.kind() != PlatformError.Kind.TERMINAL || e.isTokenRejected()) {
                throw e;
            }
            extra.put("analytics_unavailable", e.getMessage());
        }
        return Optional.of(new SocialProvider.Metrics(
                JsonErrorBodies.count(statistics, "subscriberCount"),
                0,
                JsonErrorBodies.count(statistics, "videoCount"),
                views,
                0,
                engagement,
                0,
                extra));
    }

    /**
     * The last 28 days' viewers by age group and gender ({@code viewerPercentage}, applied to the
     * period's views so that the buckets are counts) and views by country.
     */
    Optional<SocialProvider.Audience> audience(SocialProvider.Account account) {
        Map<String, Long> countries = new TreeMap<>();
        for (Map<String, Object> row : report(account, "views", "country")) {
            if (row.get("country") instanceof String country && row.get("views") instanceof Number views) {
                countries.merge(country, views.longValue(), Long::sum);
            }
        }
        long total = countries.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> ageShares = new TreeMap<>();
        Map<String, Double> genderShares = new TreeMap<>();
        for (Map<String, Object> row : report(account, "viewerPercentage", "ageGroup,gender")) {
            if (row.get("ageGroup") instanceof String age
                    && row.get("gender") instanceof String gender
                    && row.get("viewerPercentage") instanceof Number share) {
                ageShares.merge(ageRange(age), share.doubleValue(), Double::sum);
                genderShares.merge(gender.toLowerCase(), share.doubleValue(), Double::sum);
            }
        }
        Map<String, Long> ages = new TreeMap<>();
        ageShares.forEach((range, share) -> ages.put(range, Math.round(total * share / 100.0)));
        Map<String, Long> genders = new TreeMap<>();
        genderShares.forEach((gender, share) -> genders.put(gender, Math.round(total * share / 100.0)));
        return Optional.of(
                new SocialProvider.Audience(today(), ages, genders, countries, Map.of(), Map.of(), Map.of()));
    }

    /** The channel's newest uploads with their counts ({@code videos?part=statistics,snippet}); reach is the view count. */
    List<SocialProvider.Content> recentContent(SocialProvider.Account account, int limit) {
        List<String> ids = api.uploads(account, limit).stream()
                .map(YouTubeApi::videoIdOf)
                .filter(id -> !id.isEmpty())
                .toList();
        List<SocialProvider.Content> content = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += VIDEOS_PER_CALL) {
            content.addAll(videos(account, ids.subList(from, Math.min(ids.size(), from + VIDEOS_PER_CALL))));
        }
        return content;
    }

    Optional<SocialProvider.Content> content(SocialProvider.Account account, String platformPostId) {
        return videos(account, List.of(platformPostId)).stream().findFirst();
    }

    private List<SocialProvider.Content> videos(SocialProvider.Account account, List<String> ids) {
        JsonNode body = api.call(
                false,
                () -> http.get()
                        .uri(uri -> uri.path("/youtube/v3/videos")
                                .queryParam("part", "statistics,snippet")
                                .queryParam("id", String.join(",", ids))
                                .build())
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class));
        if (body == null) {
            return List.of();
        }
        return body.path("items")
                .valueStream()
                .map(video -> {
                    String id = JsonErrorBodies.text(video, "id", "");
                    JsonNode snippet = video.path("snippet");
                    JsonNode statistics = video.path("statistics");
                    String title = JsonErrorBodies.text(snippet, "title", "");
                    return new SocialProvider.Content(
                            id,
                            "https://www.youtube.com/watch?v=" + id,
                            title.isEmpty() ? null : title,
                            "video",
                            YouTubeApi.instant(snippet, "publishedAt"),
                            JsonErrorBodies.count(statistics, "likeCount"),
                            JsonErrorBodies.count(statistics, "commentCount"),
                            0,
                            0,
                            JsonErrorBodies.count(statistics, "viewCount"),
                            0);
                })
                .filter(content -> !content.platformPostId().isEmpty())
                .toList();
    }

    /** One YouTube Analytics report of the channel over the last 28 days: its rows by column name. */
    private List<Map<String, Object>> report(
            SocialProvider.Account account, String metrics, @Nullable String dimensions) {
        LocalDate end = today();
        LocalDate start = end.minusDays(ANALYTICS_DAYS - 1);
        JsonNode table = api.call(
                false,
                () -> analytics
                        .get()
                        .uri(uri -> {
                            var builder = uri.path("/v2/reports")
                                    .queryParam("ids", "channel==MINE")
                                    .queryParam("startDate", start.toString())
                                    .queryParam("endDate", end.toString())
                                    .queryParam("metrics", metrics);
                            return (dimensions == null ? builder : builder.queryParam("dimensions", dimensions))
                                    .build();
                        })
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (table == null) {
            return rows;
        }
        List<String> columns = table.path("columnHeaders")
                .valueStream()
                .map(header -> JsonErrorBodies.text(header, "name", ""))
                .toList();
        table.path("rows").valueStream().forEach(row -> {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < columns.size() && i < row.size(); i++) {
                JsonNode cell = row.get(i);
                values.put(columns.get(i), cell.isNumber() ? cell.numberValue() : cell.asString(""));
            }
            rows.add(values);
        });
        return rows;
    }

    /** "age18-24" → "18-24", "age65-" → "65+". */
    private static String ageRange(String group) {
        String range = group.startsWith("age") ? group.substring(3) : group;
        return range.endsWith("-") ? range.substring(0, range.length() - 1) + "+" : range;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
