package io.reach.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A segment as the console's builder edits it: a name, all or any, and rows of conditions whose
 * inputs are the texts of a form ({@code c0.type}, {@code c0.op}, …). It turns into a
 * {@link SegmentDefinition} for counting and saving, and is read back from a saved one.
 */
public record SegmentDraft(@Nullable UUID id, String name, String match, List<Row> rows) {

    /** One condition's inputs, as typed; blank ones are left out of the definition. */
    public record Row(
            String type, String field, String op, String value, String withinDays, String listId, String kind) {

        static final Row EMPTY = new Row("tag", "", "has", "", "", "", "");

        /** The operators a condition of this type takes, in the order the builder offers them. */
        public List<String> ops() {
            return switch (type) {
                case "field" -> List.of("eq", "neq", "contains", "starts_with", "exists", "not_exists");
                case "attribute" -> List.of("eq", "neq", "gt", "gte", "lt", "lte", "contains", "exists", "not_exists");
                case "tag" -> List.of("has", "has_not");
                case "list" -> List.of("member", "not_member");
                case "activity" -> List.of("did", "did_not");
                default -> List.of();
            };
        }

        public boolean takesField() {
            return type.equals("field") || type.equals("attribute");
        }

        public boolean takesValue() {
            return switch (type) {
                case "field", "attribute" -> !op.equals("exists") && !op.equals("not_exists");
                case "tag", "visited" -> true;
                default -> false;
            };
        }

        public boolean takesDays() {
            return type.equals("activity") || type.equals("active") || type.equals("visited");
        }

        Map<String, @Nullable Object> condition() {
            Map<String, @Nullable Object> condition = new LinkedHashMap<>();
            condition.put("type", type);
            putText(condition, "op", ops().isEmpty() ? "" : op);
            putText(condition, "field", takesField() ? field : "");
            putText(condition, "value", takesValue() ? value : "");
            putText(condition, "list_id", type.equals("list") ? listId : "");
            putText(condition, "kind", type.equals("activity") ? kind : "");
            if (takesDays() && !withinDays.isBlank()) {
                condition.put("within_days", days(withinDays));
            }
            return condition;
        }

        static Row of(Map<String, @Nullable Object> condition) {
            return new Row(
                    text(condition.get("type")),
                    text(condition.get("field")),
                    text(condition.get("op")),
                    text(condition.get("value")),
                    text(condition.get("within_days")),
                    text(condition.get("list_id")),
                    text(condition.get("kind")));
        }

        private static Object days(String typed) {
            try {
                return Integer.parseInt(typed.strip());
            } catch (NumberFormatException notANumber) {
                return typed;
            }
        }

        private static void putText(Map<String, @Nullable Object> condition, String key, String text) {
            if (!text.isBlank()) {
                condition.put(key, text.strip());
            }
        }

        private static String text(@Nullable Object value) {
            return value == null ? "" : String.valueOf(value);
        }
    }

    public static SegmentDraft blank() {
        return new SegmentDraft(null, "", "all", List.of(Row.EMPTY));
    }

    public static SegmentDraft of(Segment segment) {
        return new SegmentDraft(
                segment.id(),
                segment.name(),
                segment.definition().match(),
                segment.definition().conditions().stream().map(Row::of).toList());
    }

    /**
     * The draft a builder form posts: {@code name}, {@code match}, {@code conditions} (how many rows)
     * and each row's inputs; {@code edit} = {@code add} adds an empty row, {@code remove:<n>} takes row n out.
     */
    public static SegmentDraft of(@Nullable UUID id, MultiValueMap<String, String> form) {
        int size = Math.clamp(number(form.getFirst("conditions")), 0, SegmentDefinition.MAX_CONDITIONS);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String at = "c" + i + ".";
            rows.add(new Row(
                    input(form, at + "type"),
                    input(form, at + "field"),
                    input(form, at + "op"),
                    input(form, at + "value"),
                    input(form, at + "within_days"),
                    input(form, at + "list_id"),
                    input(form, at + "kind")));
        }
        String edit = input(form, "edit");
        if (edit.equals("add") && rows.size() < SegmentDefinition.MAX_CONDITIONS) {
            rows.add(Row.EMPTY);
        } else if (edit.startsWith("remove:") && rows.size() > 1) {
            int gone = number(edit.substring("remove:".length()));
            if (gone >= 0 && gone < rows.size()) {
                rows.remove(gone);
            }
        }
        String match = input(form, "match");
        return new SegmentDraft(id, input(form, "name").strip(), match.equals("any") ? "any" : "all", rows);
    }

    public SegmentDefinition definition() {
        return new SegmentDefinition(match, rows.stream().map(Row::condition).toList());
    }

    private static String input(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static int number(@Nullable String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
