package io.reach.contacts;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SegmentDefinition} as one SQL condition on {@code c} (contacts.contacts) with its bound
 * parameters, so a segment is counted and listed by PostgreSQL and never by loading contacts. Every
 * value is a bound parameter; column and operator names come from fixed sets, never from the input.
 * A condition that cannot be one is a field error naming it ({@code conditions[2].op}).
 */
final class SegmentSql {

    private static final Map<String, String> COLUMNS = Map.of(
            "email", "c.email",
            "phone", "c.phone",
            "first_name", "c.first_name",
            "last_name", "c.last_name",
            "locale", "c.locale",
            "time_zone", "c.time_zone",
            "status", "c.status",
            "source", "c.source");
    private static final Map<String, String> COMPARISONS =
            Map.of("eq", "=", "neq", "<>", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=");
    static final int MAX_DAYS = 3650;

    /** The condition and the values it binds. */
    record Compiled(String where, Map<String, Object> params) {}

    private final Map<String, ContactField> fields;
    private final PageVisits visits;
    private final Instant now;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<FieldError> errors = new ArrayList<>();

    private SegmentSql(List<ContactField> fields, PageVisits visits, Instant now) {
        this.fields = fields.stream().collect(Collectors.toMap(ContactField::name, Function.identity()));
        this.visits = visits;
        this.now = now;
    }

    static Compiled compile(SegmentDefinition definition, List<ContactField> fields, PageVisits visits, Instant now) {
        return new SegmentSql(fields, visits, now).compile(definition);
    }

    private Compiled compile(SegmentDefinition definition) {
        String joiner = switch (definition.match()) {
            case "all" -> " and ";
            case "any" -> " or ";
            default -> {
                errors.add(new FieldError("match", "must be all or any"));
                yield " and ";
            }
        };
        if (definition.conditions().isEmpty() || definition.conditions().size() > SegmentDefinition.MAX_CONDITIONS) {
            errors.add(
                    new FieldError("conditions", "must have 1 to " + SegmentDefinition.MAX_CONDITIONS + " conditions"));
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < definition.conditions().size(); i++) {
            parts.add(condition("conditions[" + i + "]", definition.conditions().get(i)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The segment has invalid conditions", errors);
        }
        return new Compiled("(" + String.join(joiner, parts) + ")", Map.copyOf(params));
    }

    private String condition(String at, Map<String, @Nullable Object> condition) {
        String type = text(condition, "type").orElse("");
        String op = text(condition, "op").orElse("");
        return switch (type) {
            case "field" -> field(at, condition, op);
            case "attribute" -> attribute(at, condition, op);
            case "tag" -> tag(at, condition, op);
            case "list" -> list(at, condition, op);
            case "activity" -> activity(at, condition, op);
            case "active" -> "c.last_activity_at >= " + bind(since(at, condition));
            case "visited" -> visited(at, condition);
            default -> refuse(at + ".type", "must be field, attribute, tag, list, activity, active or visited");
        };
    }

    private String field(String at, Map<String, @Nullable Object> condition, String op) {
        String column = COLUMNS.get(text(condition, "field").orElse(""));
        if (column == null) {
            return refuse(
                    at + ".field",
                    "must be one of " + COLUMNS.keySet().stream().sorted().toList());
        }
        return switch (op) {
            case "exists" -> column + " is not null";
            case "not_exists" -> column + " is null";
            case "eq", "neq" ->
                "coalesce(" + column + ", '') " + COMPARISONS.get(op) + " " + bind(value(at, condition));
            case "contains" -> "lower(" + column + ") like " + bind("%" + like(value(at, condition)) + "%");
            case "starts_with" -> "lower(" + column + ") like " + bind(like(value(at, condition)) + "%");
            default -> refuse(at + ".op", "must be eq, neq, contains, starts_with, exists or not_exists");
        };
    }

    private String attribute(String at, Map<String, @Nullable Object> condition, String op) {
        String name = text(condition, "field").orElse("");
        ContactField field = fields.get(name);
        if (field == null) {
            return refuse(at + ".field", "is not a declared contact field");
        }
        String key = bind(name);
        if (op.equals("exists") || op.equals("not_exists")) {
            return (op.equals("exists") ? "" : "not ") + "jsonb_exists(c.attributes, " + key + ")";
        }
        Object given = condition.get("value");
        Object value = given == null ? null : field.fieldType().read(given);
        if (value == null) {
            return refuse(at + ".value", "must be " + field.fieldType().expected());
        }
        if (op.equals("eq")) {
            // containment, so the workspace's attributes index answers it
            return "c.attributes @> cast(" + bind(Contacts.JSON.writeValueAsString(Map.of(name, value))) + " as jsonb)";
        }
        return switch (field.fieldType()) {
            case NUMBER ->
                comparison(
                        at,
                        op,
                        "(c.attributes ->> " + key + ")::numeric",
                        bind(new java.math.BigDecimal(value.toString())));
            case DATE ->
                comparison(at, op, "(c.attributes ->> " + key + ")::date", bind(LocalDate.parse(value.toString())));
            case BOOLEAN ->
                op.equals("eq") || op.equals("neq")
                        ? "coalesce((c.attributes ->> " + key + ")::boolean = " + bind(value) + ", false) = "
                                + op.equals("eq")
                        : refuse(at + ".op", "must be eq, neq, exists or not_exists");
            case TEXT ->
                op.equals("contains")
                        ? "lower(c.attributes ->> " + key + ") like " + bind("%" + like(value.toString()) + "%")
                        : op.equals("eq") || op.equals("neq")
                                ? "coalesce(c.attributes ->> " + key + ", '') " + COMPARISONS.get(op) + " "
                                        + bind(value)
                                : refuse(at + ".op", "must be eq, neq, contains, exists or not_exists");
        };
    }

    private String comparison(String at, String op, String expression, String parameter) {
        String operator = COMPARISONS.get(op);
        return operator == null
                ? refuse(at + ".op", "must be eq, neq, gt, gte, lt, lte, exists or not_exists")
                : expression + " " + operator + " " + parameter;
    }

    private String tag(String at, Map<String, @Nullable Object> condition, String op) {
        String tag = value(at, condition).strip().toLowerCase(Locale.ROOT);
        return switch (op) {
            case "has" -> "c.tags @> array[cast(" + bind(tag) + " as text)]";
            case "has_not" -> "not (c.tags @> array[cast(" + bind(tag) + " as text)])";
            default -> refuse(at + ".op", "must be has or has_not");
        };
    }

    private String list(String at, Map<String, @Nullable Object> condition, String op) {
        Optional<UUID> list = uuid(condition, "list_id");
        if (list.isEmpty()) {
            return refuse(at + ".list_id", "must be a list's id");
        }
        String member = "exists (select 1 from contacts.list_members m where m.list_id = " + bind(list.get())
                + " and m.contact_id = c.id and m.status = 'confirmed')";
        return switch (op) {
            case "member" -> member;
            case "not_member" -> "not " + member;
            default -> refuse(at + ".op", "must be member or not_member");
        };
    }

    private String activity(String at, Map<String, @Nullable Object> condition, String op) {
        Optional<ActivityKind> kind = text(condition, "kind").flatMap(ActivityKind::ofCode);
        if (kind.isEmpty()) {
            return refuse(at + ".kind", "must be an activity kind (sent, opened, clicked, unsubscribed, …)");
        }
        StringBuilder sql = new StringBuilder("exists (select 1 from contacts.activities a where a.contact_id = c.id")
                .append(" and a.kind = ")
                .append(bind(kind.get().code()))
                .append(" and a.occurred_at >= ")
                .append(bind(since(at, condition)));
        if (condition.get("source_id") != null) {
            Optional<UUID> source = uuid(condition, "source_id");
            if (source.isEmpty()) {
                return refuse(at + ".source_id", "must be a campaign's id");
            }
            sql.append(" and a.source_id = ").append(bind(source.get()));
        }
        sql.append(')');
        return switch (op) {
            case "did" -> sql.toString();
            case "did_not" -> "not " + sql;
            default -> refuse(at + ".op", "must be did or did_not");
        };
    }

    private String visited(String at, Map<String, @Nullable Object> condition) {
        String page = value(at, condition);
        return visits.visited("c", bind("%" + like(page) + "%"), bind(since(at, condition)));
    }

    private OffsetDateTime since(String at, Map<String, @Nullable Object> condition) {
        Object days = condition.get("within_days");
        if (!(days instanceof Number number) || number.intValue() < 1 || number.intValue() > MAX_DAYS) {
            refuse(at + ".within_days", "must be a number of days from 1 to " + MAX_DAYS);
            return now.atOffset(ZoneOffset.UTC);
        }
        return now.minus(Duration.ofDays(number.intValue())).atOffset(ZoneOffset.UTC);
    }

    private String value(String at, Map<String, @Nullable Object> condition) {
        Optional<String> value = text(condition, "value");
        if (value.isEmpty() || value.get().isBlank() || value.get().length() > 500) {
            refuse(at + ".value", "must be a text of 1 to 500 characters");
            return "";
        }
        return value.get();
    }

    private String bind(Object value) {
        String name = "s" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    private String refuse(String field, String message) {
        errors.add(new FieldError(field, message));
        return "false";
    }

    private static Optional<String> text(Map<String, @Nullable Object> condition, String key) {
        return condition.get(key) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    private static Optional<UUID> uuid(Map<String, @Nullable Object> condition, String key) {
        try {
            return text(condition, key).map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String like(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }
}
