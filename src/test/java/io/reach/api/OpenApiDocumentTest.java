package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is one a client generator can use as it is: meaningful unique operation
 * ids, concrete media types, real schemas for free-form JSON, only the errors an operation can
 * give, examples for the main operations. The document is written to {@code target/openapi/reach.json}.
 */
@ReachTest
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final List<String> GENERIC = List.of(
            "list", "get", "create", "update", "replace", "delete", "edit", "change", "add", "remove", "put", "post",
            "patch", "receive", "status");

    @Autowired
    Api api;

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws IOException {
        Api.Response answer = api.get("/v3/api-docs", null);
        assertThat(answer.status()).isEqualTo(200);
        Files.createDirectories(Path.of("target", "openapi"));
        Files.writeString(Path.of("target", "openapi", "reach.json"), answer.body());
        document = answer.json();
    }

    @Test
    void operationIdsAreUniqueMeaningfulCamelCase() {
        Map<String, List<String>> byId = new java.util.TreeMap<>();
        operations()
                .forEach((name, operation) -> byId.computeIfAbsent(
                                operation.path("operationId").asString(""), id -> new ArrayList<>())
                        .add(name));

        assertThat(byId.keySet())
                .allSatisfy(id -> assertThat(id)
                        .matches("[a-z][a-zA-Z0-9]*[a-zA-Z]")
                        .doesNotContainPattern("_\\d+$")
                        .isNotIn(GENERIC));
        assertThat(byId.values())
                .as("operations sharing an id")
                .allSatisfy(names -> assertThat(names).hasSize(1));
        assertThat(byId.get("listCampaigns")).containsExactly("GET /api/v1/campaigns");
        assertThat(byId.get("createCampaign")).containsExactly("POST /api/v1/campaigns");
        assertThat(byId.get("getCampaign")).containsExactly("GET /api/v1/campaigns/{id}");
        assertThat(byId.get("submitPost")).containsExactly("POST /api/v1/posts/{id}/submit");
    }

    @Test
    void everyMediaTypeIsConcreteAndEveryProblemIsAProblem() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((name, operation) -> {
            operation.path("requestBody").path("content").propertyNames().forEach(type -> {
                if (type.contains("*")) {
                    wrong.add(name + " request " + type);
                }
            });
            for (Map.Entry<String, JsonNode> response :
                    operation.path("responses").properties()) {
                JsonNode content = response.getValue().path("content");
                content.propertyNames().forEach(type -> {
                    if (type.contains("*")) {
                        wrong.add(name + " " + response.getKey() + " " + type);
                    }
                });
                boolean error =
                        response.getKey().startsWith("4") || response.getKey().startsWith("5");
                if (error
                        && !content.path("application/problem+json")
                                .path("schema")
                                .path("$ref")
                                .asString("")
                                .equals("#/components/schemas/Problem")) {
                    wrong.add(name + " " + response.getKey() + " is not a problem: " + content);
                }
                if (!error
                        && content.properties().stream()
                                .anyMatch(type -> type.getValue().path("schema").isMissingNode())) {
                    wrong.add(name + " " + response.getKey() + " has no schema");
                }
            }
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void errorResponsesAreOnlyThoseTheOperationCanGive() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((name, operation) -> {
            JsonNode responses = operation.path("responses");
            boolean secured = !operation.path("security").isEmpty();
            boolean body = operation.has("requestBody");
            boolean pathParameters = name.contains("{");
            expect(wrong, name, responses, "400", true);
            expect(wrong, name, responses, "500", false);
            if (secured) {
                expect(wrong, name, responses, "401", true);
                expect(wrong, name, responses, "403", true);
            }
            if (!pathParameters && name.startsWith("GET ")) {
                expect(wrong, name, responses, "404", false);
            }
            if (name.startsWith("GET ")) {
                expect(wrong, name, responses, "409", false);
            }
            expect(wrong, name, responses, "413", body);
            expect(wrong, name, responses, "415", body);
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void securityIsTheOneEachPathHas() {
        Map<String, JsonNode> operations = operations();

        assertThat(operations.get("POST /api/v1/auth/switch-tenant").path("security"))
                .as("needs a session")
                .isNotEmpty();
        assertThat(operations.get("POST /api/v1/auth/identity-links").path("security"))
                .isNotEmpty();
        assertThat(operations.get("POST /api/v1/auth/login").path("security").isEmpty())
                .isTrue();
        assertThat(operations.get("GET /api/v1/campaigns").path("security")).isNotEmpty();
        JsonNode login = operations.get("POST /api/v1/auth/login").path("responses");
        assertThat(login.has("401") && login.has("429")).as("sign-in refusals").isTrue();
        assertThat(login.at("/200/content/application~1json/schema/oneOf"))
                .as("tokens or an MFA challenge")
                .hasSize(2);
    }

    @Test
    void freeFormJsonIsDocumentedAsJsonNotAsJacksonsNodeClasses() {
        String text = document.toString();

        assertThat(document.path("components").path("schemas").has("JsonNode")).isFalse();
        assertThat(text).doesNotContain("\"node_type\"", "\"missing_node\"", "\"container_node\"", "\"value_node\"");
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.at("/TemplateRequest/properties/template_content/$ref")
                        .asString(""))
                .isEqualTo("#/components/schemas/TemplateContent");
        assertThat(schemas.at("/TemplateContent/properties").has("subject")).isTrue();
        assertThat(document.at(
                                "/paths/~1api~1v1~1tenant~1settings/patch/requestBody/content/application~1json/schema/$ref")
                        .asString(""))
                .isEqualTo("#/components/schemas/WorkspaceSettings");
        assertThat(schemas.at("/WorkspaceSettings/properties/ip_handling/enum")).hasSize(3);
        JsonNode events =
                document.at("/paths/~1api~1v1~1ingest~1trackers/post/requestBody/content/application~1json/schema");
        assertThat(events.path("type").asString("")).isEqualTo("array");
        assertThat(events.at("/items/$ref").asString("")).isEqualTo("#/components/schemas/TrackedEvent");
        assertThat(schemas.at("/TrackedEvent/properties/custom_properties/type").asString(""))
                .isEqualTo("object");
        assertThat(schemas.propertyNames()).noneMatch(name -> name.startsWith("MultiValueMap"));
        assertThat(document.at("/paths/~1api~1v1~1webhooks~1twilio~1{tenant}~1inbound/post/requestBody/content"
                                + "/application~1x-www-form-urlencoded/schema/additionalProperties/type")
                        .asString(""))
                .isEqualTo("string");
    }

    @Test
    void schemaNamesDoNotOverwriteEachOther() {
        JsonNode schemas = document.path("components").path("schemas");

        assertThat(schemas.has("PostVariantRequest"))
                .as("PostController.VariantRequest")
                .isTrue();
        assertThat(schemas.has("ChannelVariantRequest"))
                .as("ChannelController.VariantRequest")
                .isTrue();
        assertThat(schemas.has("BudgetEntry")).as("Budgets.Entry").isTrue();
        assertThat(schemas.has("UserProfileDataEntry"))
                .as("UserProfileData.Entry")
                .isTrue();
    }

    @Test
    void thereIsNoErrorOperation() {
        assertThat(document.path("paths").propertyNames()).noneMatch(path -> path.startsWith("/error"));
    }

    @Test
    void theMainOperationsShowAnExample() {
        Map<String, JsonNode> operations = operations();
        List<String> main = List.of(
                "POST /api/v1/auth/signup",
                "POST /api/v1/auth/login",
                "POST /api/v1/admin/tenants",
                "POST /api/v1/ingest/trackers",
                "POST /api/v1/campaigns",
                "POST /api/v1/posts",
                "POST /api/v1/site-keys",
                "POST /api/v1/email-campaigns");

        assertThat(main).allSatisfy(name -> {
            JsonNode json =
                    operations.get(name).path("requestBody").path("content").path("application/json");
            assertThat(json.has("example") || json.has("examples"))
                    .as(name + " has a request example")
                    .isTrue();
        });
    }

    private static void expect(List<String> wrong, String name, JsonNode responses, String status, boolean present) {
        if (responses.has(status) != present) {
            wrong.add(name + (present ? " lacks " : " should not list ") + status);
        }
    }

    /** Each operation of the document as "METHOD path" with its node. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.put(
                            method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                            path.getValue().get(method));
                }
            }
        }
        return operations;
    }
}
