package io.reach.campaigns.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When a run's workers write its progress to the log: each time the run passes another tenth of its messages,
 * and at least every half minute while it sends. A line for every batch was 10,000 lines for a million
 * recipients, and the workers took turns writing them (50 a campaign of 5,000 in the bench).
 */
final class ProgressLog {

    static final Duration AT_LEAST_EVERY = Duration.ofSeconds(30);

    private final long total;
    private final Clock clock;
    private final AtomicLong tenthLogged = new AtomicLong();
    private final AtomicReference<Instant> lastLine;

    ProgressLog(long total, Clock clock) {
        this.total = Math.max(1, total);
        this.clock = clock;
        this.lastLine = new AtomicReference<>(clock.instant());
    }

    /** Whether the line for {@code processed} messages is to be written (true for one worker only). */
    boolean due(long processed) {
        long tenth = Math.min(10, processed * 10 / total);
        if (tenthLogged.getAndAccumulate(tenth, Math::max) < tenth) {
            lastLine.set(clock.instant());
            return true;
        }
        Instant last = lastLine.get();
        Instant now = clock.instant();
        return !now.isBefore(last.plus(AT_LEAST_EVERY)) && lastLine.compareAndSet(last, now);
    }
}
