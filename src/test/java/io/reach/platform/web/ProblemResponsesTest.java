package io.reach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TenantMother;
import io.reach.support.TestTenantPrincipals;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Whatever a client gets wrong, the answer is a 4xx RFC 9457 problem, never a 500 or an HTML page. */
@ReachTest
class ProblemResponsesTest {

    private static final String TENANTS = "/api/v1/admin/tenants";

    @Autowired
    Api api;

    @Autowired
    TenantMother mother;

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(api.post(TENANTS, Api.ADMIN, "{\"name\": "), 400, "Malformed request body");
    }

    @Test
    void aMissingBodyIsABadRequest() {
        assertProblem(
                api.send("POST", TENANTS, Api.ADMIN, null, List.of("Content-Type", "application/json")),
                400,
                "Malformed request body");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        var response = api.post(TENANTS, Api.ADMIN, "{\"name\": \"x\", \"quotas\": {\"max_users\": \"lots\"}}");

        JsonNode problem = assertProblem(response, 400, "Invalid request");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("quotas.max_users");
    }

    @Test
    void missingAndInvalidFieldsAreAllListed() {
        var response = api.post(
                TENANTS, Api.ADMIN, "{\"slug\": \"Not A Slug\", \"white_label\": {\"logo_url\": \"ftp://x\"}}");

        JsonNode problem = assertProblem(response, 400, "Invalid request");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("name", "slug", "white_label.logo_url");
    }

    @Test
    void anOversizedBodyIsRefusedByItsDeclaredLength() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";

        assertProblem(api.post(TENANTS, Api.ADMIN, huge), 413, "Payload too large");
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhileReading() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + TENANTS))
                .header("Authorization", "Bearer " + Api.ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build();

        assertProblem(api.execute(request), 413, "Payload too large");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        String tenantUser = TestTenantPrincipals.tokenFor(mother.aTenant().id());
        assertProblem(api.get("/api/v1/no-such-thing", tenantUser), 404, "Not found");
        assertProblem(api.get("/no-such-page", null), 404, "Not found");
    }

    @Test
    void requestsTomcatRefusesOutrightAreProblemsToo() throws IOException {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response)
                    .startsWith("HTTP/1.1 400")
                    .contains("Content-Type: application/problem+json")
                    .contains("\"status\":400")
                    .doesNotContain("<html");
        }
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        var response = api.delete(TENANTS, Api.ADMIN);

        assertProblem(response, 405, "Method not allowed");
        assertThat(response.header("Allow")).contains("GET", "POST");
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        assertProblem(
                api.send("POST", TENANTS, Api.ADMIN, "name=x", List.of("Content-Type", "text/plain")),
                415,
                "Unsupported media type");
    }

    @Test
    void missingOrBadCredentialsAreUnauthorised() {
        assertProblem(api.get(TENANTS, null), 401, "Authentication required");
        assertProblem(api.get(TENANTS, "forged"), 401, "Invalid credentials");
    }

    @Test
    void textPostgresqlCannotStoreIsABadRequestNotAServerError() {
        assertProblem(api.post(TENANTS, Api.ADMIN, "{\"name\": \"nul\\u0000byte\"}"), 400, "Invalid data");
        assertProblem(
                api.post(TENANTS, Api.ADMIN, "{\"name\": \"x\", \"settings\": {\"k\": \"\\u0000\"}}"),
                400,
                "Invalid data");
    }

    @Test
    void aNameOfUnicodeSpacesIsBlank() {
        JsonNode problem =
                assertProblem(api.post(TENANTS, Api.ADMIN, "{\"name\": \"\u2003\u3000\"}"), 400, "Invalid request");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("name");
    }

    @Test
    void thePlatformAdminCannotUseTenantEndpoints() {
        assertProblem(api.get("/api/v1/tenant", Api.ADMIN), 403, "Forbidden");
    }

    @Test
    void badPagingParametersAreBadRequests() {
        assertProblem(api.get(TENANTS + "?limit=0", Api.ADMIN), 400, "Invalid limit");
        assertProblem(api.get(TENANTS + "?limit=abc", Api.ADMIN), 400, "Invalid request");
        assertProblem(api.get(TENANTS + "?cursor=garbage", Api.ADMIN), 400, "Invalid cursor");
    }

    private static JsonNode assertProblem(Api.Response response, int status, String title) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(problem.get("instance").asString()).as("instance").startsWith("/");
        return problem;
    }
}
