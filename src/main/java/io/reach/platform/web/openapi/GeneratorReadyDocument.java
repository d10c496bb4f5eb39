package io.reach.platform.web.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes springdoc's document one a client generator takes as it is: no {@code /error}
 * operation, JSON instead of {@code *}{@code /*}, operation ids that name what they do
 * ({@link OperationIds}), the security each path really has (from the modules'
 * {@code OpenEndpoints}; optional where an open path also takes a bearer token), and only the
 * problem responses an operation can give:
 * <ul>
 * <li>400 for every operation: malformed input, and unknown query parameters are refused everywhere;
 * <li>401, 403 and 429 where a credential is needed (permissions, API-key scopes, a suspended
 * workspace, per-workspace rate limits and quotas);
 * <li>404 where the path names something; 409 for authenticated writes (state conflicts, a reused
 * {@code Idempotency-Key});
 * <li>413 and 415 where there is a request body.
 * </ul>
 * Responses a handler declares itself ({@code @ApiResponse}) are kept; every error is an
 * {@code application/problem+json} problem.
 */
@SuppressWarnings("rawtypes")
final class GeneratorReadyDocument implements OpenApiCustomizer {

    /** Marks an operation whose handler names its own id (see {@link OpenApiConfiguration}). */
    static final String NAMED = "x-reach-named";

    static final String PROBLEM = "Problem";
    private static final String JSON = "application/json";
    private static final String ANY = "*/*";
    private static final SecurityRequirement BEARER = new SecurityRequirement().addList("bearer");

    private final List<PathPattern> openPaths;

    GeneratorReadyDocument(List<String> openPaths) {
        this.openPaths =
                openPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public void customise(OpenAPI api) {
        api.getPaths().keySet().removeIf(path -> path.equals("/error") || path.startsWith("/error/"));
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String verb = method.name().toLowerCase(java.util.Locale.ROOT);
                    concreteMediaTypes(operation);
                    name(api, verb, path, operation);
                    boolean secured = secured(path) || optionalCredential(operation);
                    operation.setSecurity(
                            !secured
                                    ? null
                                    : secured(path) ? List.of(BEARER) : List.of(BEARER, new SecurityRequirement()));
                    problems(method, path, operation, secured);
                }));
        dropUnusedSchemas(api);
    }

    /** Schemas nothing refers to any more (a return type a handler documents otherwise), which generators warn about. */
    private static void dropUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        boolean dropped = schemas != null;
        while (dropped) {
            String text = Json31.pretty(api);
            dropped = schemas.keySet().removeIf(name -> !text.contains("\"#/components/schemas/" + name + "\""));
        }
    }

    /** An open path whose handler still names the bearer scheme takes one when given (ingestion: API key or site key). */
    private static boolean optionalCredential(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    private boolean secured(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return path.startsWith("/api/") && openPaths.stream().noneMatch(pattern -> pattern.matches(container));
    }

    private static void concreteMediaTypes(Operation operation) {
        if (operation.getRequestBody() != null) {
            json(operation.getRequestBody().getContent());
            wholeForm(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> json(response.getContent()));
        }
    }

    private static void json(Content content) {
        if (content != null && content.containsKey(ANY)) {
            MediaType any = content.remove(ANY);
            content.putIfAbsent(JSON, any);
        }
    }

    /** A handler that takes the whole form ({@code MultiValueMap}) takes any fields, not one field named after its parameter. */
    private static void wholeForm(@Nullable Content content) {
        MediaType form = content == null ? null : content.get("application/x-www-form-urlencoded");
        if (form == null || form.getSchema() == null) {
            return;
        }
        Map<String, Schema> fields = form.getSchema().getProperties();
        if (fields != null
                && fields.size() == 1
                && fields.values().iterator().next().getAdditionalProperties() != null) {
            form.setSchema(fields.values().iterator().next());
        }
    }

    private static void name(OpenAPI api, String method, String path, Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().remove(NAMED) != null) {
            if (operation.getExtensions().isEmpty()) {
                operation.setExtensions(null);
            }
            return;
        }
        String javaName = operation.getOperationId() == null
                ? method
                : operation.getOperationId().replaceFirst("_\\d+$", "");
        operation.setOperationId(OperationIds.derive(method, path, javaName, answersAList(api, operation)));
    }

    private static boolean answersAList(OpenAPI api, Operation operation) {
        ApiResponse ok = operation.getResponses() == null
                ? null
                : operation.getResponses().get("200");
        MediaType json =
                ok == null || ok.getContent() == null ? null : ok.getContent().get(JSON);
        Schema<?> schema = json == null ? null : json.getSchema();
        if (schema != null && schema.get$ref() != null && api.getComponents().getSchemas() != null) {
            schema = api.getComponents()
                    .getSchemas()
                    .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (schema == null) {
            return false;
        }
        boolean array = "array".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("array");
        return array || schema.getProperties() != null && schema.getProperties().containsKey("items");
    }

    private static void problems(PathItem.HttpMethod method, String path, Operation operation, boolean secured) {
        boolean body = operation.getRequestBody() != null;
        Map<String, String> possible = new LinkedHashMap<>();
        possible.put(
                "400",
                body
                        ? "Invalid request: malformed JSON, unknown or invalid fields (listed in errors), or unknown"
                                + " query parameters"
                        : "Invalid request: unknown or invalid parameters (listed in errors)");
        if (secured) {
            possible.put("401", "Missing, invalid or expired bearer token");
            possible.put("403", "The credentials do not allow this request (the refusing rule is named)");
        }
        if (path.contains("{")) {
            possible.put("404", "No such resource (or it belongs to another workspace)");
        }
        if (secured && method != PathItem.HttpMethod.GET) {
            possible.put(
                    "409",
                    method == PathItem.HttpMethod.POST
                            ? "Conflicts with the current state, or an Idempotency-Key reused with another request"
                            : "Conflicts with the current state");
        }
        if (body) {
            possible.put("413", "Request body too large");
            possible.put("415", "The request body is not in a supported media type");
        }
        if (secured) {
            possible.put(
                    "429", "Too many requests, or a workspace quota is used up; Retry-After says when to try again");
        }
        possible.forEach((status, description) ->
                operation.getResponses().computeIfAbsent(status, key -> new ApiResponse().description(description)));
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        return new Schema<>()
                .type("object")
                .description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string").format("uri"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer").format("int32"))
                .addProperty("detail", new Schema<>().type("string"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("request_id", new Schema<>().type("string"))
                .addProperty(
                        "errors",
                        new Schema<>()
                                .type("array")
                                .items(new Schema<>()
                                        .type("object")
                                        .addProperty("field", new Schema<>().type("string"))
                                        .addProperty("message", new Schema<>().type("string"))))
                .required(List.of("title", "status"));
    }
}
