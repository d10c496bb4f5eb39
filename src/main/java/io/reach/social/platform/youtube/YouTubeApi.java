package io.reach.social.platform.youtube;

import io.reach.social.PlatformError;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.PlatformHttp;
import io.reach.social.platform.SocialProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What the YouTube classes share: calls to Google with their refusals classified, and the YouTube
 * Data API v3 reads several of them need (the token's channel, the channel's uploads playlist).
 *
 * <p>Google explains a refusal in {@code error.errors[].reason}: {@code quotaExceeded} waits until
 * the daily quota resets at midnight Pacific time, {@code uploadLimitExceeded} an hour, rate limits
 * and 5xx as Retry-After says; a 401 is a refused token; anything else is final with Google's
 * message.
 */
final class YouTubeApi {

    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private final RestClient http;
    private final Clock clock;

    YouTubeApi(RestClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Runs a call to Google; every failure leaves as a classified {@link PlatformError}. */
    <T> T call(boolean mayHaveActed, Supplier<T> call) {
        return JsonErrorBodies.call("YouTube", mayHaveActed, call, this::classify);
    }

    private PlatformError classify(RestClientResponseException e) {
        return classify(e.getStatusCode().value(), e.getResponseHeaders(), JsonErrorBodies.bodyOf(e));
    }

    /**
     * Google's {@code error.errors[0].reason}: the daily quota waits until it resets (midnight
     * Pacific time), the upload limit an hour, rate limits as Retry-After says; a 401 is a refused
     * token; otherwise the status decides, with Google's message.
     */
    PlatformError classify(int status, @Nullable HttpHeaders headers, JsonNode body) {
        JsonNode error = body.path("error");
        String reason = JsonErrorBodies.text(error.path("errors").path(0), "reason", "");
        String message = "YouTube answered HTTP " + status + (reason.isEmpty() ? "" : " " + reason) + ": "
                + JsonErrorBodies.text(error, "message", body.isMissingNode() ? "no details" : body.toString());
        if (status == 401) {
            return PlatformError.tokenRejected(status, message);
        }
        return switch (reason) {
            case "quotaExceeded", "dailyLimitExceeded" ->
                JsonErrorBodies.retryable(status, untilQuotaResets(), message);
            case "uploadLimitExceeded" -> JsonErrorBodies.retryable(status, Duration.ofHours(1), message);
            case "rateLimitExceeded", "userRateLimitExceeded" ->
                JsonErrorBodies.retryable(status, PlatformHttp.retryAfter(headers, clock), message);
            default -> JsonErrorBodies.byStatus(status, headers, clock, message);
        };
    }

    /** YouTube's daily quota resets at midnight Pacific time. */
    Duration untilQuotaResets() {
        ZonedDateTime now = clock.instant().atZone(QUOTA_ZONE);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(QUOTA_ZONE));
    }

    /** The token's own channel ({@code mine=true}); a missing node when the Google account has none. */
    JsonNode myChannel(String accessToken, String parts) {
        JsonNode body = call(
                false,
                () -> http.get()
                        .uri(uri -> uri.path("/youtube/v3/channels")
                                .queryParam("part", parts)
                                .queryParam("mine", true)
                                .build())
                        .headers(h -> h.setBearerAuth(accessToken))
                        .retrieve()
                        .body(JsonNode.class));
        JsonNode channel = body == null ? null : body.path("items").path(0);
        return channel == null || !channel.path("id").isString() ? MissingNode.getInstance() : channel;
    }

    /** The newest items of the channel's uploads playlist (which, unlike search, lists private videos too). */
    List<JsonNode> uploads(SocialProvider.Account account, int limit) {
        JsonNode channels = call(
                false,
                () -> http.get()
                        .uri(uri -> uri.path("/youtube/v3/channels")
                                .queryParam("part", "contentDetails")
                                .queryParam("id", account.platformUserId())
                                .build())
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class));
        String playlist = channels == null
                ? ""
                : JsonErrorBodies.text(
                        channels.path("items").path(0).path("contentDetails").path("relatedPlaylists"), "uploads", "");
        List<JsonNode> items = new ArrayList<>();
        if (playlist.isEmpty()) {
            return items;
        }
        String pageToken = "";
        while (items.size() < limit) {
            String token = pageToken;
            int size = Math.min(50, limit - items.size());
            JsonNode page = call(
                    false,
                    () -> http.get()
                            .uri(uri -> {
                                var builder = uri.path("/youtube/v3/playlistItems")
                                        .queryParam("part", "snippet,contentDetails")
                                        .queryParam("playlistId", playlist)
                                        .queryParam("maxResults", size);
                                return (token.isEmpty() ? builder : builder.queryParam("pageToken", token)).build();
                            })
                            .headers(h -> h.setBearerAuth(account.accessToken()))
                            .retrieve()
                            .body(JsonNode.class));
            if (page == null) {
                break;
            }
            page.path("items").valueStream().limit(limit - items.size()).forEach(items::add);
            pageToken = JsonErrorBodies.text(page, "nextPageToken", "");
            if (pageToken.isEmpty()) {
                break;
            }
        }
        return items;
    }

    /** The video an item of the uploads playlist names; empty when it names none. */
    static String videoIdOf(JsonNode playlistItem) {
        return JsonErrorBodies.text(
                playlistItem.path("contentDetails"),
                "videoId",
                JsonErrorBodies.text(playlistItem.path("snippet").path("resourceId"), "videoId", ""));
    }

    /** An RFC 3339 timestamp field ({@code publishedAt}); the epoch when it is absent or unreadable. */
    static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(JsonErrorBodies.text(node, field, "1970-01-01T00:00:00Z"));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
