package io.reach.identity.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An attribute-based policy, written as JSON:
 * <pre>{"effect": "deny", "resources": ["campaigns"], "actions": ["write"],
 *  "conditions": [{"attribute": "subject.role", "operator": "equals", "value": "editor"},
 *                 {"attribute": "resource.owner_id", "operator": "not_equals_attribute", "value": "subject.user_id"}]}</pre>
 * It applies when the resource and action match and every condition holds. Attributes:
 * {@code subject.user_id}, {@code subject.role}, {@code subject.type} ({@code user} or
 * {@code api_key}), {@code resource.type}, {@code resource.id}, {@code resource.owner_id},
 * {@code request.method}, {@code request.ip}. Operators: {@code equals}, {@code not_equals},
 * {@code in}, {@code not_in}, {@code equals_attribute}, {@code not_equals_attribute},
 * {@code in_cidr}, {@code exists}.
 */
public record AccessPolicy(String effect, List<String> resources, List<String> actions, List<Condition> conditions) {

    static final List<String> OPERATORS = List.of(
            "equals", "not_equals", "in", "not_in", "equals_attribute", "not_equals_attribute", "in_cidr", "exists");
    static final List<String> ATTRIBUTES = List.of(
            "subject.user_id",
            "subject.role",
            "subject.type",
            "resource.type",
            "resource.id",
            "resource.owner_id",
            "request.method",
            "request.ip");

    record Condition(
            String attribute, String operator, @Nullable JsonNode value) {}

    public boolean isDeny() {
        return effect.equals("deny");
    }

    public boolean appliesTo(String resource, String action, Map<String, @Nullable String> attributes) {
        return (resources.contains("*") || resources.contains(resource))
                && (actions.contains("*") || actions.contains(action))
                && conditions.stream().allMatch(condition -> holds(condition, attributes));
    }

    private static boolean holds(Condition condition, Map<String, @Nullable String> attributes) {
        String actual = attributes.get(condition.attribute());
        JsonNode value = condition.value();
        return switch (condition.operator()) {
            case "exists" -> actual != null;
            case "equals" -> actual != null && value != null && actual.equals(value.asString(""));
            case "not_equals" -> value != null && !Objects.equals(actual, value.asString(""));
            case "in" -> actual != null && value != null && strings(value).contains(actual);
            case "not_in" -> value != null && !strings(value).contains(actual);
            case "equals_attribute" ->
                actual != null && value != null && actual.equals(attributes.get(value.asString("")));
            case "not_equals_attribute" -> value != null && !Objects.equals(actual, attributes.get(value.asString("")));
            case "in_cidr" ->
                actual != null
                        && value != null
                        && Cidr.parse(value.asString(""))
                                .map(c -> c.contains(actual))
                                .orElse(false);
            default -> false;
        };
    }

    /** Reads and checks a policy; the list of what is wrong with it is empty when it is valid. */
    public static List<String> problems(JsonNode definition) {
        List<String> problems = new ArrayList<>();
        if (!definition.path("effect").isString()
                || !List.of("allow", "deny").contains(definition.path("effect").asString())) {
            problems.add("effect must be allow or deny");
        }
        if (!nonEmptyStrings(definition.path("resources"))) {
            problems.add("resources must be a non-empty list of resource types or *");
        }
        if (!nonEmptyStrings(definition.path("actions"))) {
            problems.add("actions must be a non-empty list of read, write or *");
        }
        JsonNode conditions = definition.path("conditions");
        if (!conditions.isMissingNode() && !conditions.isArray()) {
            problems.add("conditions must be a list");
        }
        for (JsonNode condition : conditions) {
            if (!ATTRIBUTES.contains(condition.path("attribute").asString(""))) {
                problems.add("unknown attribute " + condition.path("attribute").asString("(none)"));
            }
            String operator = condition.path("operator").asString("");
            JsonNode value = condition.path("value");
            if (!OPERATORS.contains(operator)) {
                problems.add("unknown operator " + operator);
            } else if (operator.equals("in") || operator.equals("not_in")) {
                if (!nonEmptyStrings(value)) {
                    problems.add("operator " + operator + " needs a non-empty list of strings");
                }
            } else if (operator.equals("in_cidr")) {
                if (!value.isString() || Cidr.parse(value.asString()).isEmpty()) {
                    problems.add("operator in_cidr needs an address range such as 10.0.0.0/8");
                }
            } else if (!operator.equals("exists") && !value.isString()) {
                problems.add("operator " + operator + " needs a string value");
            }
        }
        return problems;
    }

    static AccessPolicy from(JsonNode definition) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode condition : definition.path("conditions")) {
            conditions.add(new Condition(
                    condition.path("attribute").asString(),
                    condition.path("operator").asString(),
                    condition.has("value") ? condition.get("value") : null));
        }
        return new AccessPolicy(
                definition.path("effect").asString(),
                strings(definition.path("resources")),
                strings(definition.path("actions")),
                conditions);
    }

    private static boolean nonEmptyStrings(JsonNode node) {
        return node.isArray() && !node.isEmpty() && node.valueStream().allMatch(JsonNode::isString);
    }

    private static List<String> strings(JsonNode node) {
        return node.isArray()
                ? node.valueStream().map(item -> item.asString("")).toList()
                : List.of(node.asString(""));
    }
}
