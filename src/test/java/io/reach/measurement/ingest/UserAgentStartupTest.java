package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The user-agent parser is built as the application starts, and readiness waits for it. */
@ReachTest
class UserAgentStartupTest {

    @Autowired
    UserAgents userAgents;

    @Autowired
    Api api;

    @Test
    void theParserIsBuiltAtStartUpOffTheRequestPathAndReadinessWaitsForIt() {
        await().atMost(Duration.ofMinutes(2)).until(userAgents::ready);

        assertThat(userAgents.builtBy())
                .as("built on its own thread, not by a request")
                .isEqualTo("user-agent-parser");
        var readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIsOutOfServiceWhileTheParserIsNotBuilt() {
        UserAgents building = org.mockito.Mockito.mock(UserAgents.class); // not built: ready() is false

        assertThat(new UserAgentReadiness(building).health().getStatus().getCode())
                .isEqualTo("OUT_OF_SERVICE");
    }
}
