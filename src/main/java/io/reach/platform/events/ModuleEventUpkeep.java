package io.reach.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry ({@code platform.event_publication}) moving and bounded.
 * A listener that threw, or whose delivery the staleness monitor gave up on (a node died
 * mid-delivery), leaves its publication FAILED: it is handed to the listener again, a batch at a
 * time, until it completes (listeners are idempotent). Completed publications are kept a week for
 * inspection, then deleted, so the outbox does not grow with every event ever published.
 */
@Component
public class ModuleEventUpkeep {

    static final Duration COMPLETED_KEPT = Duration.ofDays(7);
    static final int RETRY_BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(ModuleEventUpkeep.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;

    ModuleEventUpkeep(FailedEventPublications failed, CompletedEventPublications completed) {
        this.failed = failed;
        this.completed = completed;
    }

    /** Delivers the failed publications again; each attempt is counted in the registry. */
    public void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(RETRY_BATCH));
        log.debug("failed module events handed to their listeners again");
    }

    /** Forgets publications completed more than a week ago. */
    public void purgeCompleted() {
        completed.deletePublicationsOlderThan(COMPLETED_KEPT);
    }
}
