package io.reach.social.platform.youtube;

import io.reach.social.PlatformError;
import io.reach.social.platform.JsonErrorBodies;
import io.reach.social.platform.SocialProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Conversations on a YouTube channel through the Data API v3: replies under a video
 * ({@code POST commentThreads}) or to a comment ({@code POST comments} with {@code parentId}),
 * likes ({@code POST videos/rate?rating=like}), and, since YouTube sends no comment webhooks, new
 * comments polled from {@code commentThreads?allThreadsRelatedToChannelId=…&order=time}.
 */
final class YouTubeComments {

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final int POLL_PAGES = 5;

    private final RestClient http;
    private final YouTubeApi api;
    private final Function<String, PlatformError> unsupported;

    /** {@code unsupported} names what YouTube cannot do, as the adapter reports it. */
    YouTubeComments(RestClient http, YouTubeApi api, Function<String, PlatformError> unsupported) {
        this.http = http;
        this.api = api;
        this.unsupported = unsupported;
    }

    /**
     * {@code reply} under a video (a new comment thread) or to a comment (a reply; a reply's id
     * names its thread before the dot), and {@code like} a video. A video id is 11 characters.
     */
    String act(SocialProvider.Account account, SocialProvider.Action action) {
        String target = action.targetId() == null ? "" : action.targetId();
        if (target.isEmpty()) {
            throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "A " + action.kind() + " needs a target");
        }
        boolean video = VIDEO_ID.matcher(target).matches();
        switch (action.kind()) {
            case "reply" -> {
                String text = action.text() == null ? "" : action.text();
                if (text.isBlank()) {
                    throw new PlatformError(PlatformError.Kind.TERMINAL, null, null, "A reply needs text");
                }
                Map<String, Object> body = video
                        ? Map.of(
                                "snippet",
                                Map.of(
                                        "videoId",
                                        target,
                                        "topLevelComment",
                                        Map.of("snippet", Map.of("textOriginal", text))))
                        : Map.of("snippet", Map.of("parentId", target.split("\\.", 2)[0], "textOriginal", text));
                String path = video ? "/youtube/v3/commentThreads" : "/youtube/v3/comments";
                JsonNode made = api.call(
                        true,
                        () -> http.post()
                                .uri(uri -> uri.path(path)
                                        .queryParam("part", "snippet")
                                        .build())
                                .headers(h -> h.setBearerAuth(account.accessToken()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .retrieve()
                                .body(JsonNode.class));
                String id = made == null ? "" : JsonErrorBodies.text(made, "id", "");
                if (id.isEmpty()) {
                    throw new PlatformError(
                            PlatformError.Kind.UNKNOWN, null, null, "YouTube took the comment but named no id");
                }
                return id;
            }
            case "like" -> {
                if (!video) {
                    throw unsupported.apply("liking comments");
                }
                api.call(
                        true,
                        () -> http.post()
                                .uri(uri -> uri.path("/youtube/v3/videos/rate")
                                        .queryParam("id", target)
                                        .queryParam("rating", "like")
                                        .build())
                                .headers(h -> h.setBearerAuth(account.accessToken()))
                                .retrieve()
                                .toBodilessEntity());
                return target;
            }
            default -> throw unsupported.apply(action.kind() + " actions");
        }
    }

    /**
     * New comments on the channel's videos since {@code since} ({@code commentThreads} newest
     * first, a few pages at most), as {@code new_comment} events; the channel's own comments are
     * left out.
     */
    List<SocialProvider.PolledEvent> poll(SocialProvider.Account account, Instant since) {
        String channel = account.platformUserId();
        List<SocialProvider.PolledEvent> events = new ArrayList<>();
        String pageToken = "";
        for (int page = 0; page < POLL_PAGES; page++) {
            String token = pageToken;
            JsonNode body = api.call(
                    false,
                    () -> http.get()
                            .uri(uri -> {
                                var builder = uri.path("/youtube/v3/commentThreads")
                                        .queryParam("part", "snippet")
                                        .queryParam("allThreadsRelatedToChannelId", channel)
                                        .queryParam("order", "time")
                                        .queryParam("maxResults", 100);
                                return (token.isEmpty() ? builder : builder.queryParam("pageToken", token)).build();
                            })
                            .headers(h -> h.setBearerAuth(account.accessToken()))
                            .retrieve()
                            .body(JsonNode.class));
            if (body == null) {
                break;
            }
            boolean older = false;
            for (JsonNode thread : body.path("items").valueStream().toList()) {
                JsonNode comment = thread.path("snippet").path("topLevelComment");
                JsonNode snippet = comment.path("snippet");
                Instant published = YouTubeApi.instant(snippet, "publishedAt");
                if (!published.isAfter(since)) {
                    older = true;
                    break;
                }
                String author = JsonErrorBodies.text(snippet.path("authorChannelId"), "value", "");
                String commentId = JsonErrorBodies.text(comment, "id", JsonErrorBodies.text(thread, "id", ""));
                if (commentId.isEmpty() || author.equals(channel)) {
                    continue;
                }
                events.add(new SocialProvider.PolledEvent(
                        commentId, "new_comment", payload(thread, snippet, commentId, author, published)));
            }
            pageToken = JsonErrorBodies.text(body, "nextPageToken", "");
            if (older || pageToken.isEmpty()) {
                break;
            }
        }
        return events;
    }

    private static Map<String, Object> payload(
            JsonNode thread, JsonNode snippet, String commentId, String author, Instant published) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(
                "video_id",
                JsonErrorBodies.text(thread.path("snippet"), "videoId", JsonErrorBodies.text(snippet, "videoId", "")));
        payload.put("comment_id", commentId);
        payload.put("thread_id", JsonErrorBodies.text(thread, "id", commentId));
        payload.put("author", JsonErrorBodies.text(snippet, "authorDisplayName", ""));
        payload.put("author_channel_id", author);
        payload.put(
                "text",
                JsonErrorBodies.text(snippet, "textOriginal", JsonErrorBodies.text(snippet, "textDisplay", "")));
        payload.put("published_at", published.toString());
        return payload;
    }
}
