package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Keys become known when their transaction commits, never when it rolls back, and the set stays bounded. */
class KnownKeysTest {

    @BeforeEach
    void transaction() {
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void end() {
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void keysAreKnownOnlyAfterTheirCommit() {
        KnownKeys<String> known = new KnownKeys<>(10);
        known.storedOnCommit(List.of("a"));
        assertThat(known.unknown(List.of("a", "b"))).as("not committed yet").containsExactly("a", "b");

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(known.unknown(List.of("a", "b"))).containsExactly("b");
    }

    @Test
    void aRolledBackWriteLeavesItsKeysUnknown() {
        KnownKeys<String> known = new KnownKeys<>(10);
        known.storedOnCommit(List.of("a"));

        TransactionSynchronizationManager.getSynchronizations()
                .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(known.unknown(List.of("a"))).containsExactly("a");
    }

    @Test
    void aFullSetStartsOver() {
        KnownKeys<String> known = new KnownKeys<>(2);
        known.storedOnCommit(List.of("a", "b"));
        known.storedOnCommit(List.of("c"));

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(known.unknown(List.of("a", "b", "c"))).containsExactly("a", "b");
    }
}
