package io.reach.measurement.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The keys of rows a global reference table is known to hold (devices, places), so a batch skips
 * the statements for the ones written before. A key becomes known only when the transaction that
 * wrote it commits; at most {@code limit} are kept (all are forgotten when full).
 */
final class KnownKeys<K> {

    private final Set<K> keys = ConcurrentHashMap.newKeySet();
    private final int limit;

    KnownKeys(int limit) {
        this.limit = limit;
    }

    /** Those of the candidates not known to be stored. */
    List<K> unknown(Collection<K> candidates) {
        return candidates.stream().filter(key -> !keys.contains(key)).toList();
    }

    /** Notes the keys as stored once the current transaction commits. */
    void storedOnCommit(Collection<K> stored) {
        if (stored.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (keys.size() + stored.size() > limit) {
                    keys.clear();
                }
                keys.addAll(stored);
            }
        });
    }
}
