package io.reach.social.platform.x;

import io.reach.social.PlatformError;
import io.reach.social.platform.ActionInputs;
import io.reach.social.platform.SocialProvider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * What happens around an X account after it posts: its followers ({@code /2/users/{id}/followers}),
 * its recent posts and one post with their counts ({@code /2/users/{id}/tweets},
 * {@code /2/tweets/{id}}), replies, likes, reposts and direct messages, and mentions polled as
 * events ({@code /2/users/{id}/mentions}).
 *
 * <p>Counts: X reports impressions but no unique reach, so {@link SocialProvider.Content#reach()}
 * is the impression count too (which makes the engagement rate interactions per impression).
 */
final class XEngagement {

    private static final int MAX_MENTION_PAGES = 8;
    private static final String TWEET_FIELDS = "created_at,public_metrics,non_public_metrics,attachments";

    private final RestClient http;
    private final XApi api;
    private final Function<String, PlatformError> unsupported;

    /** {@code unsupported} names what X cannot do, as the adapter reports it. */
    XEngagement(RestClient http, XApi api, Function<String, PlatformError> unsupported) {
        this.http = http;
        this.api = api;
        this.unsupported = unsupported;
    }

    /** The first page (up to 1,000) of the account's followers, as X lists them: most recent first. */
    Optional<List<SocialProvider.Follower>> followers(SocialProvider.Account account) {
        JsonNode page = api.call(
                () -> http.get()
                        .uri(uri -> uri.path("/2/users/{id}/followers")
                                .queryParam("user.fields", "profile_image_url,verified,public_metrics")
                                .queryParam("max_results", 1000)
                                .build(account.platformUserId()))
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        if (page == null || page.has("errors") && !page.has("data")) {
            return Optional.empty();
        }
        return Optional.of(page.path("data")
                .valueStream()
                .map(user -> new SocialProvider.Follower(
                        user.path("id").asString(""),
                        user.path("username").asString(""),
                        text(user, "profile_image_url"),
                        user.path("verified").asBoolean(false),
                        user.path("public_metrics").path("followers_count").isNumber()
                                ? user.path("public_metrics")
                                        .path("followers_count")
                                        .asLong()
                                : null))
                .toList());
    }

    /**
     * The account's latest posts (X lists 5 to 100 at a time) with likes, replies as comments,
     * reposts plus quotes as shares, bookmarks as saves and impressions (the owner's
     * {@code non_public_metrics} where X gives them, else the public count) as impressions and reach.
     */
    List<SocialProvider.Content> recentContent(SocialProvider.Account account, int limit) {
        int wanted = Math.max(1, Math.min(limit, 100));
        JsonNode page = api.call(
                () -> http.get()
                        .uri(uri -> uri.path("/2/users/{id}/tweets")
                                .queryParam("tweet.fields", TWEET_FIELDS)
                                .queryParam("expansions", "attachments.media_keys")
                                .queryParam("media.fields", "type")
                                .queryParam("max_results", Math.max(5, wanted))
                                .build(account.platformUserId()))
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        if (page == null) {
            return List.of();
        }
        Map<String, String> mediaTypes = mediaTypes(page);
        return page.path("data")
                .valueStream()
                .limit(wanted)
                .map(tweet -> content(tweet, mediaTypes))
                .toList();
    }

    Optional<SocialProvider.Content> content(SocialProvider.Account account, String platformPostId) {
        JsonNode answer = api.call(
                () -> http.get()
                        .uri(uri -> uri.path("/2/tweets/{id}")
                                .queryParam("tweet.fields", TWEET_FIELDS)
                                .queryParam("expansions", "attachments.media_keys")
                                .queryParam("media.fields", "type")
                                .build(platformPostId))
                        .headers(h -> h.setBearerAuth(account.accessToken()))
                        .retrieve()
                        .body(JsonNode.class),
                false);
        if (answer == null || !answer.path("data").path("id").isString()) {
            return Optional.empty();
        }
        return Optional.of(content(answer.path("data"), mediaTypes(answer)));
    }

    /**
     * {@code reply} posts {@code text} in reply to post {@code targetId}; {@code like} and
     * {@code repost} act on {@code targetId} (returning the liked post's id, or the repost's id
     * where X names it); {@code dm} sends {@code text} to user {@code recipientId} (returning the
     * message's event id).
     */
    String act(SocialProvider.Account account, SocialProvider.Action action) {
        String me = account.platformUserId();
        return switch (action.kind()) {
            case "reply" ->
                api.createTweet(
                        account,
                        Map.of(
                                "text",
                                required(action.text(), "text"),
                                "reply",
                                Map.of("in_reply_to_tweet_id", required(action.targetId(), "targetId"))));
            case "like" -> {
                String target = required(action.targetId(), "targetId");
                api.post(account, "/2/users/{id}/likes", Map.of("tweet_id", target), me);
                yield target;
            }
            case "repost" -> {
                String target = required(action.targetId(), "targetId");
                JsonNode answer = api.post(account, "/2/users/{id}/retweets", Map.of("tweet_id", target), me);
                yield answer == null
                        ? target
                        : answer.path("data").path("rest_id").asString(target);
            }
            case "dm" -> {
                JsonNode answer = api.post(
                        account,
                        "/2/dm_conversations/with/{id}/messages",
                        Map.of("text", required(action.text(), "text")),
                        required(action.recipientId(), "recipientId"));
                String id = answer == null
                        ? ""
                        : answer.path("data").path("dm_event_id").asString("");
                if (id.isEmpty()) {
                    throw new PlatformError(
                            PlatformError.Kind.UNKNOWN, null, null, "X accepted the message but named no id");
                }
                yield id;
            }
            default -> throw unsupported.apply(action.kind() + " actions");
        };
    }

    /**
     * Mentions of the account since {@code since} ({@code GET /2/users/{id}/mentions}, newest
     * first, up to eight pages of 100), each a {@code mention} event keyed by the post's id. X can
     * also deliver these by webhook; polling is the fallback.
     */
    List<SocialProvider.PolledEvent> poll(SocialProvider.Account account, Instant since) {
        List<SocialProvider.PolledEvent> events = new ArrayList<>();
        String start = since.truncatedTo(ChronoUnit.SECONDS).toString();
        @Nullable String token = null;
        for (int page = 0; page < MAX_MENTION_PAGES; page++) {
            String pagination = token;
            JsonNode answer = api.call(
                    () -> http.get()
                            .uri(uri -> {
                                uri.path("/2/users/{id}/mentions")
                                        .queryParam("start_time", start)
                                        .queryParam("tweet.fields", "created_at,author_id,conversation_id")
                                        .queryParam("expansions", "author_id")
                                        .queryParam("user.fields", "username")
                                        .queryParam("max_results", 100);
                                if (pagination != null) {
                                    uri.queryParam("pagination_token", pagination);
                                }
                                return uri.build(account.platformUserId());
                            })
                            .headers(h -> h.setBearerAuth(account.accessToken()))
                            .retrieve()
                            .body(JsonNode.class),
                    false);
            if (answer == null) {
                break;
            }
            Map<String, String> usernames = new HashMap<>();
            answer.path("includes")
                    .path("users")
                    .forEach(user -> usernames.put(
                            user.path("id").asString(""), user.path("username").asString("")));
            for (JsonNode tweet : answer.path("data")) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("id", tweet.path("id").asString(""));
                payload.put("text", tweet.path("text").asString(""));
                payload.put("author_id", tweet.path("author_id").asString(""));
                payload.put(
                        "author_username",
                        usernames.getOrDefault(tweet.path("author_id").asString(""), ""));
                payload.put("conversation_id", tweet.path("conversation_id").asString(""));
                payload.put("created_at", tweet.path("created_at").asString(""));
                events.add(new SocialProvider.PolledEvent(tweet.path("id").asString(""), "mention", payload));
            }
            token = text(answer.path("meta"), "next_token");
            if (token == null) {
                break;
            }
        }
        return events;
    }

    private static Map<String, String> mediaTypes(JsonNode answer) {
        Map<String, String> types = new HashMap<>();
        answer.path("includes")
                .path("media")
                .forEach(item -> types.put(
                        item.path("media_key").asString(""), item.path("type").asString("")));
        return types;
    }

    private static SocialProvider.Content content(JsonNode tweet, Map<String, String> mediaTypes) {
        JsonNode counts = tweet.path("public_metrics");
        JsonNode owner = tweet.path("non_public_metrics");
        long impressions = owner.path("impression_count").isNumber()
                ? owner.path("impression_count").asLong()
                : counts.path("impression_count").asLong(0);
        List<String> keys = tweet.path("attachments")
                .path("media_keys")
                .valueStream()
                .map(key -> key.asString(""))
                .toList();
        String mediaType = keys.isEmpty()
                ? "text"
                : keys.size() > 1
                        ? "carousel"
                        : switch (mediaTypes.getOrDefault(keys.get(0), "photo")) {
                            case "video", "animated_gif" -> "video";
                            default -> "photo";
                        };
        String id = tweet.path("id").asString("");
        return new SocialProvider.Content(
                id,
                "https://x.com/i/web/status/" + id,
                text(tweet, "text"),
                mediaType,
                Instant.parse(tweet.path("created_at").asString("1970-01-01T00:00:00Z")),
                counts.path("like_count").asLong(0),
                counts.path("reply_count").asLong(0),
                counts.path("retweet_count").asLong(0)
                        + counts.path("quote_count").asLong(0),
                counts.path("bookmark_count").asLong(0),
                impressions,
                impressions);
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.path(field).isString() && !node.path(field).asString().isEmpty()
                ? node.path(field).asString()
                : null;
    }

    private static String required(@Nullable String value, String what) {
        return ActionInputs.required(value, "X needs a " + what + " for this action");
    }
}
