package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A run's claims start where the last one ended, in PostgreSQL's uuid order, and shrink to equal shares at the end. */
class RunClaimsTest {

    @Test
    void eachClaimStartsAfterTheHighestIdTheRunHasClaimed() {
        RunClaims claims = new RunClaims(1_000, 4);
        List<UUID> starts = new ArrayList<>();
        UUID low = new UUID(0x0100_0000_0000_0000L, 5);
        // the sign bit set: above every id without it for PostgreSQL, below them for UUID.compareTo
        UUID high = new UUID(0x8100_0000_0000_0000L, 1);

        claims.claim(100, (after, limit) -> taken(starts, after, 100, low));
        claims.claim(100, (after, limit) -> taken(starts, after, 100, high));
        claims.claim(100, (after, limit) -> taken(starts, after, 100, low));
        claims.claim(100, (after, limit) -> taken(starts, after, 0, null));

        assertThat(starts).containsExactly(new UUID(0, 0), low, high, high);
    }

    @Test
    void nearTheEndEachClaimTakesAnEqualShareOfWhatIsLeft() {
        RunClaims claims = new RunClaims(1_000, 4);
        List<Integer> limits = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            claims.claim(100, (after, limit) -> {
                limits.add(limit);
                return taken(new ArrayList<>(), after, limit, new UUID(1, limits.size()));
            });
        }

        assertThat(limits.subList(0, 6))
                .as("600 taken, 400 left: still whole batches")
                .containsOnly(100);
        assertThat(limits.subList(6, 12)).containsExactly(100, 75, 57, 42, 32, 24);
        assertThat(limits).as("never under ten a claim").allMatch(limit -> limit >= 10);
    }

    @Test
    void moreThanTheRunCountedGoesInWholeBatches() {
        RunClaims claims = new RunClaims(20, 4);
        claims.claim(100, (after, limit) -> taken(new ArrayList<>(), after, 20, new UUID(1, 1)));

        assertThat(claims.share(100)).isEqualTo(100);
    }

    private static SendQueue.Claim taken(List<UUID> starts, UUID after, int rows, @Nullable UUID reached) {
        starts.add(after);
        List<QueuedSend> sends = IntStream.range(0, rows)
                .mapToObj(i -> new QueuedSend(
                        Channel.EMAIL, UUID.randomUUID(), "r" + i + "@x.example", null, java.util.Map.of()))
                .toList();
        return new SendQueue.Claim(sends, reached);
    }
}
