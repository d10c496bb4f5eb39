package io.reach.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The operations of Reach's OpenAPI document, read the way a client generator would: each
 * method and path with its path and query parameters and its JSON request body's schema
 * ({@code $ref}s resolved). Tests walk these, so a new endpoint is covered the day it is added.
 */
record ApiOperations(List<Operation> all) {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One parameter: where it goes, its name and its schema. */
    record Parameter(String in, String name, JsonNode schema) {

        String type() {
            return schema.path("type").asString("string");
        }

        boolean uuid() {
            return "uuid".equals(schema.path("format").asString(""));
        }
    }

    record Operation(String method, String path, List<Parameter> parameters, JsonNode body) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasBody() {
            return !body.isMissingNode();
        }

        boolean admin() {
            return path.startsWith("/api/v1/admin/");
        }

        /** The path with each path parameter replaced by {@code value(parameter)} (already URL-safe). */
        String path(Function<Parameter, String> value) {
            String filled = path;
            for (Parameter parameter : in("path")) {
                filled = filled.replace("{" + parameter.name() + "}", value.apply(parameter));
            }
            return filled;
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    static ApiOperations of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode resolved = resolve(document, parameter);
                    parameters.add(new Parameter(
                            resolved.path("in").asString(""),
                            resolved.path("name").asString(""),
                            resolve(document, resolved.path("schema"))));
                }
                JsonNode body = resolve(document, operation.path("requestBody")).path("content");
                JsonNode schema = body.has("application/json")
                        ? resolve(document, body.path("application/json").path("schema"))
                        : body.isMissingNode() || body.isEmpty()
                                ? body.path("none")
                                : resolve(
                                        document,
                                        body.properties()
                                                .iterator()
                                                .next()
                                                .getValue()
                                                .path("schema"));
                operations.add(new Operation(method, path.getKey(), List.copyOf(parameters), schema));
            }
        }
        return new ApiOperations(List.copyOf(operations));
    }

    /** The schema a {@code $ref} points at (one level; nested properties are resolved when used). */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
