package io.reach.publishing.automation;

import io.reach.platform.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The automation language. A trigger is one of
 * <ul>
 * <li>{@code {"type": "new_comment" | "mention" | "new_message", "keywords": ["price", …]}} — text
 * containing any keyword (case-insensitive; no keywords: any text);</li>
 * <li>{@code {"type": "new_follower"}};</li>
 * <li>{@code {"type": "follower_milestone", "followers": 10000}} — the count crossing the number;</li>
 * <li>{@code {"type": "post_likes", "likes": 100}} — a published post crossing the number of likes.</li>
 * </ul>
 * Actions are a list of {@code {"type": "reply" | "like" | "dm" | "repost" | "notify", "text": …}}
 * ({@code text} for reply and dm, optional for notify); each trigger allows the actions that have
 * something to act on (a follower milestone only notifies).
 */
final class AutomationRules {

    private static final Map<String, Set<String>> ACTIONS_BY_TRIGGER = Map.of(
            "new_comment", Set.of("reply", "like", "dm", "notify"),
            "mention", Set.of("reply", "like", "repost", "dm", "notify"),
            "new_message", Set.of("dm", "notify"),
            "new_follower", Set.of("dm", "notify"),
            "follower_milestone", Set.of("notify"),
            "post_likes", Set.of("reply", "repost", "notify"));
    private static final Map<String, String> EVENT_OF_TRIGGER =
            Map.of("follower_milestone", "followers_changed", "post_likes", "post_engagement");
    private static final Set<String> NEED_TEXT = Set.of("reply", "dm");

    private AutomationRules() {}

    /** Everything wrong with a trigger and its actions, each as a field error. */
    static List<FieldError> problems(JsonNode trigger, JsonNode actions) {
        List<FieldError> problems = new ArrayList<>();
        String type = trigger.path("type").asString("");
        Set<String> allowed = ACTIONS_BY_TRIGGER.get(type);
        if (allowed == null) {
            problems.add(new FieldError(
                    "trigger.type",
                    "is one of "
                            + String.join(
                                    ", ",
                                    ACTIONS_BY_TRIGGER.keySet().stream()
                                            .sorted()
                                            .toList())));
        } else {
            problems.addAll(thresholdProblems(type, trigger));
            problems.addAll(keywordProblems(trigger));
        }
        if (!actions.isArray() || actions.isEmpty() || actions.size() > 10) {
            problems.add(new FieldError("actions", "is a list of 1 to 10 actions"));
            return problems;
        }
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            String kind = action.path("type").asString("");
            String field = "actions[" + i + "]";
            if (allowed != null && !allowed.contains(kind)) {
                problems.add(new FieldError(
                        field + ".type",
                        "a " + type + " trigger allows "
                                + String.join(", ", allowed.stream().sorted().toList())));
            }
            JsonNode textNode = action.path("text");
            if (!textNode.isMissingNode() && !textNode.isNull() && !textNode.isString()) {
                problems.add(new FieldError(field + ".text", "is text"));
                continue;
            }
            String text = textNode.asString("");
            if (NEED_TEXT.contains(kind) && text.isBlank()) {
                problems.add(new FieldError(field + ".text", "is required for " + kind));
            }
            if (text.length() > 2000) {
                problems.add(new FieldError(field + ".text", "is at most 2000 characters"));
            }
        }
        return problems;
    }

    private static List<FieldError> thresholdProblems(String type, JsonNode trigger) {
        String key = type.equals("follower_milestone") ? "followers" : type.equals("post_likes") ? "likes" : null;
        if (key != null
                && (!trigger.path(key).canConvertToLong() || trigger.path(key).asLong() < 1)) {
            return List.of(new FieldError("trigger." + key, "is a positive number"));
        }
        return List.of();
    }

    private static List<FieldError> keywordProblems(JsonNode trigger) {
        JsonNode keywords = trigger.path("keywords");
        if (keywords.isMissingNode()) {
            return List.of();
        }
        boolean valid = keywords.isArray()
                && keywords.size() <= 50
                && keywords.valueStream()
                        .allMatch(k -> k.isString()
                                && !k.asString().isBlank()
                                && k.asString().length() <= 100);
        return valid
                ? List.of()
                : List.of(new FieldError("trigger.keywords", "is a list of up to 50 words or phrases"));
    }

    /** Whether an event sets the trigger off. */
    static boolean matches(JsonNode trigger, EventFacts facts, JsonNode payload) {
        String type = trigger.path("type").asString("");
        if (!facts.type().equals(EVENT_OF_TRIGGER.getOrDefault(type, type))) {
            return false;
        }
        return switch (type) {
            case "follower_milestone" ->
                crosses(payload, "before", "after", trigger.path("followers").asLong());
            case "post_likes" ->
                crosses(
                        payload,
                        "likes_before",
                        "likes_after",
                        trigger.path("likes").asLong());
            default -> containsKeyword(trigger.path("keywords"), facts.text());
        };
    }

    private static boolean crosses(JsonNode payload, String before, String after, long threshold) {
        return payload.path(before).asLong(0) < threshold && payload.path(after).asLong(0) >= threshold;
    }

    private static boolean containsKeyword(JsonNode keywords, @Nullable String text) {
        if (!keywords.isArray() || keywords.isEmpty()) {
            return true;
        }
        String haystack = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return keywords.valueStream()
                .anyMatch(k -> haystack.contains(k.asString().toLowerCase(Locale.ROOT)));
    }
}
