package io.reach.publishing.automation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's automation editor as a form: the API's trigger and actions spelt as fields (a trigger
 * type, keywords one per line, a threshold, rows of action type and text), translated to the API's
 * JSON and back, and the API's field names ({@code actions[1].text}) translated to the form's.
 *
 * @param rows the action rows of the form, blank ones included (a blank type is no action)
 */
public record AutomationForm(
        String socialAccountId,
        String name,
        String triggerType,
        String keywords,
        String threshold,
        List<Row> rows,
        boolean enabled,
        boolean consentRequired) {

    /** The trigger types, in the order the editor offers them. */
    public static final List<String> TRIGGERS =
            List.of("new_comment", "mention", "new_message", "new_follower", "follower_milestone", "post_likes");
    /** The action types. */
    public static final List<String> ACTION_TYPES = List.of("reply", "like", "dm", "repost", "notify");

    private static final int ROWS = 3;
    private static final Pattern ACTION_FIELD = Pattern.compile("actions\\[(\\d+)]\\.(type|text)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One action row: its type (blank: none) and its text. */
    public record Row(String type, String text) {}

    /** An empty editor: enabled, one notify row. */
    static AutomationForm blank() {
        return new AutomationForm("", "", "new_comment", "", "", rows(List.of(new Row("notify", ""))), true, false);
    }

    static AutomationForm of(MultiValueMap<String, String> fields) {
        List<String> types = fields.getOrDefault("action_type", List.of());
        List<String> texts = fields.getOrDefault("action_text", List.of());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(Math.max(types.size(), texts.size()), 20); i++) {
            rows.add(new Row(at(types, i), at(texts, i)));
        }
        return new AutomationForm(
                value(fields, "social_account_id"),
                value(fields, "name").strip(),
                value(fields, "trigger_type"),
                value(fields, "keywords"),
                value(fields, "threshold").strip(),
                rows(rows),
                fields.containsKey("enabled"),
                fields.containsKey("consent_required"));
    }

    static AutomationForm of(Automations.Automation automation) {
        JsonNode trigger = automation.trigger();
        String type = trigger.path("type").asString("");
        String threshold = trigger.path(thresholdKey(type)).asString("");
        List<String> words = trigger.path("keywords")
                .valueStream()
                .map(word -> word.asString(""))
                .toList();
        List<Row> rows = automation
                .actions()
                .valueStream()
                .map(action -> new Row(
                        action.path("type").asString(""), action.path("text").asString("")))
                .toList();
        return new AutomationForm(
                automation.socialAccountId().toString(),
                automation.name(),
                type,
                String.join("\n", words),
                threshold,
                rows(rows),
                automation.enabled(),
                automation.consentRequired());
    }

    /** The API's trigger: its type, keywords if any, the threshold its type counts to. */
    JsonNode triggerJson() {
        ObjectNode trigger = NODES.objectNode().put("type", triggerType);
        List<String> words = Arrays.stream(keywords.split("\\R"))
                .map(String::strip)
                .filter(word -> !word.isEmpty())
                .toList();
        if (!words.isEmpty()) {
            words.forEach(trigger.putArray("keywords")::add);
        }
        String key = thresholdKey(triggerType);
        if (!key.isEmpty() && !threshold.isEmpty()) {
            if (threshold.matches("-?\\d{1,18}")) {
                trigger.put(key, Long.parseLong(threshold));
            } else {
                trigger.put(key, threshold);
            }
        }
        return trigger;
    }

    /** The API's actions: the rows with a type, in order. */
    JsonNode actionsJson() {
        ArrayNode actions = NODES.arrayNode();
        for (Row row : chosen()) {
            ObjectNode action = actions.addObject().put("type", row.type());
            if (!row.text().isBlank()) {
                action.put("text", row.text());
            }
        }
        return actions;
    }

    /** The form field an API field error belongs next to. */
    String fieldOf(String apiField) {
        Matcher action = ACTION_FIELD.matcher(apiField);
        if (action.matches()) {
            int row = rowOf(Integer.parseInt(action.group(1)));
            return "action_" + action.group(2) + "_" + row;
        }
        return switch (apiField) {
            case "trigger.type" -> "trigger_type";
            case "trigger.keywords" -> "keywords";
            case "trigger.followers", "trigger.likes" -> "threshold";
            case "social_account_id", "name", "actions" -> apiField;
            default -> "form";
        };
    }

    /** Errors the API's request checks would give before the rules are read. */
    Map<String, String> requestProblems() {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (accountId().isEmpty()) {
            problems.put("social_account_id", "Choose one of the workspace's accounts.");
        }
        if (name.isEmpty() || name.length() > 255) {
            problems.put("name", "Give the automation a name (up to 255 characters).");
        }
        return problems;
    }

    Optional<java.util.UUID> accountId() {
        try {
            return Optional.of(java.util.UUID.fromString(socialAccountId));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private List<Row> chosen() {
        return rows.stream().filter(row -> !row.type().isBlank()).toList();
    }

    /** The form row of the API's {@code actions[index]} (blank rows are not sent). */
    private int rowOf(int index) {
        int seen = -1;
        for (int row = 0; row < rows.size(); row++) {
            if (!rows.get(row).type().isBlank() && ++seen == index) {
                return row;
            }
        }
        return index;
    }

    private static String thresholdKey(String type) {
        return switch (type) {
            case "follower_milestone" -> "followers";
            case "post_likes" -> "likes";
            default -> "";
        };
    }

    /** The rows given, and blank ones up to at least {@link #ROWS} and one more than filled. */
    private static List<Row> rows(List<Row> given) {
        List<Row> rows = new ArrayList<>(given);
        while (rows.size() < ROWS || !rows.getLast().type().isBlank()) {
            rows.add(new Row("", ""));
        }
        return List.copyOf(rows);
    }

    private static String value(MultiValueMap<String, String> fields, String name) {
        @Nullable String value = fields.getFirst(name);
        return value == null ? "" : value;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }
}
