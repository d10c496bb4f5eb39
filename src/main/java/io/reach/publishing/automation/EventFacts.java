package io.reach.publishing.automation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What automations need from a platform event, whatever the platform's shape: its kind
 * ({@code new_comment}, {@code mention}, {@code new_message}, {@code new_follower},
 * {@code unfollower}, {@code new_like}, {@code own_post}, {@code followers_changed},
 * {@code post_engagement}, or the platform's own name), the object it concerns (a comment, post
 * or message id), who caused it and its text.
 */
record EventFacts(
        String type,
        @Nullable String objectId,
        @Nullable String authorId,
        @Nullable String text) {

    private static final List<String> OBJECT =
            List.of("comment_id", "id_str", "id", "media_id", "external_post_id", "message/mid");
    private static final List<String> AUTHOR = List.of(
            "from/id",
            "user/id_str",
            "source/id",
            "message_create/sender_id",
            "sender/id",
            "author_id",
            "author_channel_id",
            "username");
    private static final List<String> COMMENT_FIELDS = List.of("feed", "comments", "replies", "live_comments");
    private static final List<String> TEXT =
            List.of("message", "text", "message_create/message_data/text", "message/text");

    /** The facts of a stored event (its type already normalised by {@link #typeOf}). */
    static EventFacts of(String type, JsonNode payload) {
        JsonNode body = payload.has("value") && payload.get("value").isObject() ? payload.get("value") : payload;
        return new EventFacts(type, first(body, OBJECT), first(body, AUTHOR), first(body, TEXT));
    }

    /**
     * The normalised type of a platform delivery: Meta names the changed field ({@code feed},
     * {@code comments}, {@code mentions}, {@code replies}, {@code messages}); X names arrays
     * ({@code tweet_create_events}, {@code favorite_events}, {@code follow_events},
     * {@code direct_message_events}). {@code accountUserId} is the connected account, so its own
     * activity is told apart from other people's.
     */
    static String typeOf(String rawType, JsonNode payload, String accountUserId) {
        JsonNode value = payload.path("value");
        if (COMMENT_FIELDS.contains(rawType)
                && accountUserId.equals(value.path("from").path("id").asString(""))) {
            return "own_comment";
        }
        return switch (rawType) {
            case "feed" ->
                value.path("item").asString("").equals("comment")
                                && value.path("verb").asString("add").equals("add")
                        ? "new_comment"
                        : "feed_" + value.path("item").asString("change");
            case "comments", "replies", "live_comments" -> "new_comment";
            case "mentions" -> "mention";
            case "messages" ->
                payload.path("message").path("is_echo").asBoolean(false)
                                || accountUserId.equals(
                                        payload.path("sender").path("id").asString(""))
                        ? "own_message"
                        : "new_message";
            case "tweet_create_events" ->
                accountUserId.equals(payload.path("user").path("id_str").asString(""))
                        ? "own_post"
                        : payload.path("in_reply_to_status_id_str").isString() ? "new_comment" : "mention";
            case "favorite_events" -> "new_like";
            case "follow_events" ->
                payload.path("type").asString("follow").equals("unfollow")
                        ? "unfollower"
                        : accountUserId.equals(payload.path("source").path("id").asString(""))
                                ? "own_follow"
                                : "new_follower";
            case "direct_message_events" ->
                accountUserId.equals(
                                payload.path("message_create").path("sender_id").asString(""))
                        ? "own_message"
                        : "new_message";
            default -> rawType;
        };
    }

    private static @Nullable String first(JsonNode node, List<String> paths) {
        for (String path : paths) {
            JsonNode found = node.at("/" + path);
            if (found.isString() && !found.asString().isEmpty()) {
                return found.asString();
            }
            if (found.isNumber()) {
                return found.asString();
            }
        }
        return null;
    }
}
