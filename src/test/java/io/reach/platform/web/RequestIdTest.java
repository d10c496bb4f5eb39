package io.reach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ReachTest
class RequestIdTest {

    @Autowired
    Api api;

    @Test
    void everyResponseCarriesANewRequestId() {
        String first = api.get("/actuator/health", null).header("X-Request-Id");
        String second = api.get("/actuator/health", null).header("X-Request-Id");

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void aSaneIncomingRequestIdIsKept() {
        var response =
                api.send("GET", "/api/v1/admin/tenants", Api.ADMIN, null, List.of("X-Request-Id", "trace-42.a_b"));

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-42.a_b");
    }

    @Test
    void anUnsafeIncomingRequestIdIsReplaced() {
        var response = api.send("GET", "/actuator/health", null, null, List.of("X-Request-Id", "x".repeat(65)));

        assertThat(response.header("X-Request-Id")).hasSize(36);
    }
}
