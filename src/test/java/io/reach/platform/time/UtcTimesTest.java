package io.reach.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UtcTimesTest {

    @Test
    void an_instant_is_bound_at_utc_whatever_the_default_zone() {
        Instant instant = Instant.parse("2026-03-29T01:30:00Z");

        assertThat(UtcTimes.utc(instant).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(UtcTimes.utc(instant).toInstant()).isEqualTo(instant);
    }

    @Test
    void an_open_bound_stays_open() {
        assertThat(UtcTimes.utcOrNull(null)).isNull();
        assertThat(UtcTimes.utcOrNull(Instant.EPOCH)).isEqualTo(Instant.EPOCH.atOffset(ZoneOffset.UTC));
    }
}
