package io.reach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReachTest
class OperationsTest {

    @Autowired
    Api api;

    @Test
    void healthLivenessAndReadinessAreUp() {
        assertThat(api.get("/actuator/health", null).json().get("status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreForThePlatformAdmin() {
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        var metrics = api.get("/actuator/prometheus", Api.ADMIN);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections").contains("http_server_requests");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsProblems() {
        var doc = api.get("/v3/api-docs", null);

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json()
                        .at("/paths/~1api~1v1~1admin~1tenants/post/responses/409/content")
                        .has("application/problem+json"))
                .isTrue();
        assertThat(doc.json().at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.json().at("/components/schemas/CreateTenant/properties").has("white_label"))
                .isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
