package io.reach.campaigns.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which opens are made by machines: scripted clients, scanners, prefetchers and opens right after sending. */
class MachineOpensTest {

    private static final Instant SENT = Instant.parse("2026-11-22T10:00:00Z");
    private static final String PERSON = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15";

    @Test
    void scriptedHttpClientsAreMachines() {
        Duration window = Duration.ofSeconds(10);
        for (String agent : java.util.List.of(
                "Python-urllib/3.12",
                "python-requests/2.32.3",
                "Go-http-client/1.1",
                "curl/8.5.0",
                "Wget/1.21.4",
                "okhttp/4.12.0",
                "Java/21.0.2",
                "libwww-perl/6.77")) {
            assertThat(MachineOpens.machine(agent, SENT, null, SENT.plusSeconds(30), window))
                    .as(agent)
                    .isTrue();
        }
    }

    @Test
    void opensSoonAfterSendingOrFromScannersAndPrefetchersAreMachines() {
        Duration window = Duration.ofSeconds(10);
        assertThat(MachineOpens.machine(PERSON, SENT, null, SENT.plusSeconds(3), window))
                .isTrue();
        assertThat(MachineOpens.machine(PERSON, SENT, SENT.plusSeconds(60), SENT.plusSeconds(65), window))
                .as("counted from delivery when known")
                .isTrue();
        assertThat(MachineOpens.machine(PERSON, SENT, null, SENT.plusSeconds(30), window))
                .isFalse();
        assertThat(MachineOpens.machine("Mozilla/5.0", SENT, null, SENT.plusSeconds(30), window))
                .as("Apple MPP")
                .isTrue();
        assertThat(MachineOpens.machine("Mimecast-Url-Scanner/1.0", SENT, null, SENT.plusSeconds(30), window))
                .isTrue();
        assertThat(MachineOpens.machine(null, SENT, null, SENT.plusSeconds(30), window))
                .isTrue();
        assertThat(MachineOpens.machine(
                        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
                        SENT,
                        null,
                        SENT.plusSeconds(30),
                        window))
                .as("Gmail fetches when a person opens")
                .isFalse();
    }
}
