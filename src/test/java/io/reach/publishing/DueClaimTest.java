package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.crypto.SecretBox;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.DueJobs;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A due run's claim: no more jobs than asked for, each due job once, and only due ones. */
@ReachTest
class DueClaimTest {

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    SecretBox box;

    @Autowired
    PublishJobs jobs;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    Clock clock;

    @Test
    void aClaimTakesNoMoreThanItsLimitAndTheNextTakesTheRest() {
        UUID tenant = accounts.owner().tenantId();
        DueJobs due = new DueJobs(owner, box);
        List<UUID> created = due.create(tenant, due.linkedInAccount(tenant), 250);

        List<UUID> claimed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int claim = 0; claim < 4; claim++) {
            List<PublishJobs.Job> batch = transactions.inTransactionAs(
                    TenantId.of(tenant), () -> jobs.claimDue(clock.instant(), PublishRunner.BATCH));
            sizes.add(batch.size());
            batch.forEach(job -> claimed.add(job.id()));
            assertThat(batch).allSatisfy(job -> {
                assertThat(job.status()).isEqualTo("running");
                assertThat(job.attempt()).isEqualTo(1);
            });
        }

        assertThat(sizes).containsExactly(100, 100, 50, 0);
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(created);
    }
}
