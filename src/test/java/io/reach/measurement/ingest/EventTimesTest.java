package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick reading of event times agrees with {@link Instant#parse} and refuses what it refuses. */
class EventTimesTest {

    @Test
    void readsWhatInstantParseReadsAndTheSame() {
        for (String text : List.of(
                "2026-11-22T10:15:30Z",
                "2026-11-22T10:15:30.1Z",
                "2026-11-22T10:15:30.123Z",
                "2026-11-22T10:15:30.123456789Z",
                "2024-02-29T00:00:00Z",
                "2026-11-22T10:15:30+02:00",
                "2026-12-31T23:59:60Z",
                "+12026-11-22T10:15:30Z",
                "2026-11-22T10:15:30.Z")) {
            assertThat(EventTimes.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void refusesWhatIsNotAnInstant() {
        for (String text : List.of(
                "2026-02-30T10:15:30Z",
                "2026-11-22T25:15:30Z",
                "2026-11-22 10:15:30Z",
                "2026-11-22T10:15:30",
                "2026-11-22",
                "yesterday",
                "2026-1a-22T10:15:30Z",
                "2026-11-22T10:15:30.1234567890Z")) {
            assertThat(EventTimes.parse(text)).as(text).isNull();
        }
    }
}
