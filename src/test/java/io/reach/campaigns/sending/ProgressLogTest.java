package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A run's progress reaches the log at each tenth of its messages and at least every half minute. */
class ProgressLogTest {

    private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void oneLineForEachTenthPassed() {
        ProgressLog progress = new ProgressLog(5_000, Clock.fixed(START, ZoneOffset.UTC));

        List<Long> logged = LongStream.rangeClosed(1, 50)
                .map(batch -> batch * 100)
                .filter(progress::due)
                .boxed()
                .toList();

        assertThat(logged).containsExactly(500L, 1000L, 1500L, 2000L, 2500L, 3000L, 3500L, 4000L, 4500L, 5000L);
    }

    @Test
    void aSlowRunStillLogsEveryHalfMinute() {
        MovingClock clock = new MovingClock();
        ProgressLog progress = new ProgressLog(1_000_000, clock);

        assertThat(progress.due(100)).isFalse();
        clock.now = START.plus(ProgressLog.AT_LEAST_EVERY);
        assertThat(progress.due(200)).isTrue();
        assertThat(progress.due(300)).as("once, not by every worker").isFalse();
        clock.now = clock.now.plus(Duration.ofSeconds(29));
        assertThat(progress.due(400)).isFalse();
    }

    private static final class MovingClock extends Clock {

        private Instant now = START;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
