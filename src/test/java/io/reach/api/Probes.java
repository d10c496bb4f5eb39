package io.reach.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed values Reach must refuse politely, by kind, and well-formed bodies to hide them
 * in. Strings that go into a URL are already percent-encoded; {@code MALFORMED_UTF8} is a
 * surrogate encoded as UTF-8, which no decoder may accept.
 */
final class Probes {

    static final String MALFORMED_UTF8 = "%ED%A0%80";
    static final List<String> PATH_VALUES = List.of(
            "not-a-uuid",
            MALFORMED_UTF8,
            "%00",
            "x".repeat(600),
            "%F0%9F%98%80",
            "%E2%80%AEevil",
            "12345678-1234-1234-1234-1234567");
    static final List<String> QUERY_VALUES = List.of(
            MALFORMED_UTF8,
            "%00",
            "-1",
            "0",
            "1e400",
            "99999999999999999999999",
            "abc",
            "2026-02-30",
            "2026-13-45T25:61:00Z",
            "+999999999-12-31",
            "",
            "%F0%9F%98%80",
            "maybe",
            "x".repeat(600));
    static final List<String> PAGING = List.of(
            "limit=-1",
            "limit=0",
            "limit=100000000",
            "limit=abc",
            "cursor=" + MALFORMED_UTF8,
            "cursor=!!!",
            "cursor=eyJ4IjoxfQ",
            "limit=1e400");
    static final List<String> BODIES = List.of(
            "{",
            "[]",
            "\"text\"",
            "123",
            "null",
            "{\"a\":",
            "{}",
            "{\"\\u0000\": 1}",
            "[{\"x\": 1}]",
            "{\"id\": \"\\ud800\"}");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Probes() {}

    /** A plausible value of the schema's type, so a body passes its type checks and reaches deeper code. */
    static JsonNode plausible(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = ApiOperations.resolve(document, schema);
        if (resolved.has("enum") && !resolved.get("enum").isEmpty()) {
            return resolved.get("enum").get(0);
        }
        String format = resolved.path("format").asString("");
        return switch (resolved.path("type").asString(resolved.has("properties") ? "object" : "string")) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "array" ->
                depth > 3
                        ? NODES.arrayNode()
                        : NODES.arrayNode().add(plausible(document, resolved.path("items"), depth + 1));
            case "object" -> depth > 3 ? NODES.objectNode() : object(document, resolved, depth);
            default ->
                NODES.stringNode(
                        switch (format) {
                            case "uuid" -> UUID.randomUUID().toString();
                            case "date-time" -> Instant.now().plusSeconds(3600).toString();
                            case "date" -> "2026-12-01";
                            case "email" -> "someone@example.com";
                            case "uri", "url" -> "https://example.com/a";
                            default -> "probe";
                        });
        };
    }

    private static ObjectNode object(JsonNode document, JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), plausible(document, property.getValue(), depth + 1));
        }
        return object;
    }

    /** Values of the wrong type or beyond any sensible range for a property of {@code schema}. */
    static List<JsonNode> absurd(JsonNode document, JsonNode schema) {
        JsonNode resolved = ApiOperations.resolve(document, schema);
        List<JsonNode> values = new ArrayList<>();
        switch (resolved.path("type").asString("string")) {
            case "integer", "number" -> {
                values.add(NODES.stringNode("abc"));
                values.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
                values.add(NODES.numberNode(new java.math.BigInteger("-99999999999999999999999")));
            }
            case "boolean" -> values.add(NODES.stringNode("maybe"));
            case "array" -> {
                values.add(NODES.objectNode().put("a", 1));
                values.add(NODES.arrayNode().add(NODES.objectNode().put("\u0000", "\ud800")));
            }
            case "object" -> {
                values.add(NODES.arrayNode().add(1));
                values.add(NODES.objectNode().put("k\u0000", "v"));
            }
            default -> {
                values.add(NODES.numberNode(123));
                values.add(NODES.stringNode("a\u0000b"));
                values.add(NODES.stringNode("\ud800"));
                values.add(NODES.stringNode("+999999999-12-31T23:59:59Z"));
                values.add(NODES.stringNode("x".repeat(70_000)));
            }
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
