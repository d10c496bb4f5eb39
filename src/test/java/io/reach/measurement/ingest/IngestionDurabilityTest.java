package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A batch is acknowledged only after its commit, and a full queue answers 503 instead of
 * dropping events (one writer and a queue of one batch, so concurrent batches overflow).
 */
@ReachTest
@TestPropertySource(properties = {"reach.measurement.writer-threads=1", "reach.measurement.queued-batches=1"})
class IngestionDurabilityTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void aBatchWhoseCommitFailsIsNotAcknowledgedAndLeavesNothing() {
        Accounts.SignedIn ada = accounts.owner();
        String key = key(ada);
        owner.run(jdbc -> jdbc.execute("""
                create or replace function public.fail_at_commit() returns trigger language plpgsql as $$
                begin raise exception 'the database went away at commit'; end $$;
                drop trigger if exists fail_at_commit on measurement.trackers;
                create constraint trigger fail_at_commit after insert on measurement.trackers
                    deferrable initially deferred for each row when (new.event_type = 'fail_at_commit')
                    execute function public.fail_at_commit();"""));
        try {
            var failed = api.post(
                    "/api/v1/ingest/trackers",
                    key,
                    "[{\"event_type\": \"page_view\"}, {\"event_type\": \"fail_at_commit\"}]");

            assertThat(failed.status()).as(failed.body()).isEqualTo(503);
            assertThat(failed.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(count(ada.tenantId()))
                    .as("nothing of the batch is stored")
                    .isZero();
        } finally {
            owner.run(jdbc -> jdbc.execute("drop trigger if exists fail_at_commit on measurement.trackers"));
        }
        assertThat(api.post("/api/v1/ingest/trackers", key, "[{\"event_type\": \"page_view\"}]")
                        .status())
                .isEqualTo(202);
        assertThat(count(ada.tenantId())).isEqualTo(1);
    }

    @Test
    void aFullQueueIsAnsweredWith503AndEveryAcknowledgedEventIsStored() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        String key = key(ada);
        String batch = IntStream.range(0, 2000)
                .mapToObj(i -> "{\"event_type\": \"page_view\", \"page_url\": \"/p" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        List<Callable<Api.Response>> senders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            senders.add(() -> api.post("/api/v1/ingest/trackers", key, batch));
        }

        List<Api.Response> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (Future<Api.Response> response : pool.invokeAll(senders)) {
                responses.add(response.get());
            }
        }

        long acknowledged = responses.stream().filter(r -> r.status() == 202).count();
        long refused = responses.stream().filter(r -> r.status() == 503).count();
        assertThat(acknowledged + refused).isEqualTo(12);
        assertThat(refused).as("the queue overflowed").isPositive();
        assertThat(responses.stream().filter(r -> r.status() == 503))
                .allMatch(r -> r.raw().headers().firstValue("Retry-After").isPresent());
        assertThat(count(ada.tenantId())).isEqualTo(acknowledged * 2000);
    }

    private String key(Accounts.SignedIn who) {
        return accounts.ingestKey(who, "site");
    }

    private long count(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForObject("select count(*) from measurement.trackers", Long.class);
        });
    }
}
