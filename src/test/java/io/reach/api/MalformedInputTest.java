package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document answers malformed input — bad JSON, wrong types,
 * absurd numbers and dates, invalid UUIDs and malformed UTF-8 in the path and the query,
 * out-of-range paging — with a 4xx {@code application/problem+json}, never a 5xx. The document
 * is walked, so a new endpoint is covered without anyone remembering to.
 */
@ReachTest
class MalformedInputTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void everyOperationAnswersMalformedInputWithAProblemAndNeverA5xx() {
        JsonNode document = api.get("/v3/api-docs", null).json();
        ApiOperations operations = ApiOperations.of(document);
        ApiWalker walker = new ApiWalker(api, accounts);

        for (ApiOperations.Operation operation : operations.all()) {
            malformedPaths(walker, operation);
            malformedQueries(walker, operation);
            if (!operation.method().equals("get") && !operation.method().equals("delete")) {
                malformedBodies(walker, document, operation);
            }
        }

        walker.report("malformed-input-walk.txt");
        assertThat(operations.all()).hasSizeGreaterThan(100);
        assertThat(walker.sent()).isGreaterThan(3_000);
        assertThat(walker.broken())
                .as("answers that are 5xx or not problems (%d requests)", walker.sent())
                .isEmpty();
    }

    private static String valid(ApiOperations.Parameter parameter) {
        return parameter.uuid()
                ? UUID.randomUUID().toString()
                : parameter.type().equals("integer") ? "1" : "probe";
    }

    private static void malformedPaths(ApiWalker walker, ApiOperations.Operation operation) {
        for (ApiOperations.Parameter target : operation.in("path")) {
            for (String value : Probes.PATH_VALUES) {
                String path = operation.path(p -> p == target ? value : valid(p));
                walker.send(operation, path, null, bodyFor(operation));
            }
        }
    }

    private static void malformedQueries(ApiWalker walker, ApiOperations.Operation operation) {
        String path = operation.path(MalformedInputTest::valid);
        for (ApiOperations.Parameter target : operation.in("query")) {
            for (String value : Probes.QUERY_VALUES) {
                walker.send(
                        operation, path + "?" + Probes.encode(target.name()) + "=" + value, null, bodyFor(operation));
            }
        }
        if (operation.method().equals("get")) {
            for (String paging : Probes.PAGING) {
                walker.send(operation, path + "?" + paging, null, null);
            }
        }
    }

    private static void malformedBodies(ApiWalker walker, JsonNode document, ApiOperations.Operation operation) {
        String path = operation.path(MalformedInputTest::valid);
        for (String body : Probes.BODIES) {
            walker.send(operation, path, "application/json", body);
        }
        walker.send(operation, path, "text/plain", "plain text");
        walker.send(operation, path, "application/json", "[" + "1,".repeat(200_000) + "1]");
        if (!operation.hasBody() || !operation.body().has("properties")) {
            return;
        }
        JsonNode plausible = Probes.plausible(document, operation.body(), 0);
        walker.send(operation, path, "application/json", plausible.toString());
        for (Map.Entry<String, JsonNode> property :
                operation.body().path("properties").properties()) {
            for (JsonNode absurd : Probes.absurd(document, property.getValue())) {
                ObjectNode body = ((ObjectNode) plausible).deepCopy();
                body.set(property.getKey(), absurd);
                walker.send(operation, path, "application/json", body.toString());
            }
        }
    }

    /** POST, PUT and PATCH get an empty object, so the probe reaches the parameter being tested. */
    private static String bodyFor(ApiOperations.Operation operation) {
        return List.of("post", "put", "patch").contains(operation.method()) ? "{}" : null;
    }
}
