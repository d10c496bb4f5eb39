package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reach.platform.events.ModuleEventUpkeep;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.social.FollowersChanged;
import io.reach.support.ReachTest;
import io.reach.support.TenantMother;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * The outbox upkeep: a FAILED publication (its listener threw, or the staleness monitor gave up on
 * a delivery whose node died) is delivered again and completed; completed publications older than
 * a week are deleted, younger ones and unfinished ones are kept.
 */
@ReachTest
class ModuleEventUpkeepTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Autowired
    TenantMother tenants;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSerializer serializer;

    @Autowired
    ModuleEventUpkeep upkeep;

    @Test
    void aFailedPublicationIsDeliveredAgainUntilItCompletes() {
        var tenant = TenantId.of(tenants.aTenant().id());
        String listener = listenerOfFollowerChanges(tenant);
        var change = change(tenant);
        UUID failed = insert(listener, change, "FAILED", Instant.now().minusSeconds(120), null);
        assertThat(filed(tenant, change.socialAccountId())).isEmpty();

        upkeep.retryFailed();

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(status(failed)).isEqualTo("COMPLETED"));
        assertThat(filed(tenant, change.socialAccountId())).containsExactly("followers_changed");
    }

    @Test
    void completedPublicationsAreForgottenAfterAWeek() {
        var tenant = TenantId.of(tenants.aTenant().id());
        Instant now = Instant.now();
        UUID old = insert(
                "some.Listener.on(x)",
                change(tenant),
                "COMPLETED",
                now.minus(Duration.ofDays(9)),
                now.minus(Duration.ofDays(8)));
        UUID recent = insert(
                "some.Listener.on(x)",
                change(tenant),
                "COMPLETED",
                now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)));
        UUID unfinished = insert("some.Listener.on(x)", change(tenant), "FAILED", now.minus(Duration.ofDays(9)), null);

        upkeep.purgeCompleted();

        assertThat(existing(List.of(old, recent, unfinished))).containsExactlyInAnyOrder(recent, unfinished);
        jdbc.sql("delete from platform.event_publication where id in (:ids)")
                .param("ids", List.of(recent, unfinished))
                .update();
    }

    /** The registry's name for publishing's listener, taken from one real delivery. */
    private String listenerOfFollowerChanges(TenantId tenant) {
        var delivered = change(tenant);
        transactions.inTransactionAs(tenant, () -> publisher.publishEvent(delivered));
        await().atMost(DELIVERY)
                .until(() -> !filed(tenant, delivered.socialAccountId()).isEmpty());
        return jdbc.sql("select listener_id from platform.event_publication where serialized_event like :account")
                .param("account", "%" + delivered.socialAccountId() + "%")
                .query(String.class)
                .single();
    }

    private UUID insert(
            String listener, FollowersChanged change, String status, Instant published, @Nullable Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into platform.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts)
                values (:id, :listener, :type, :event, :published, :completed, :status, 1)""")
                .param("id", id)
                .param("listener", listener)
                .param("type", FollowersChanged.class.getName())
                .param("event", serializer.serialize(change).toString())
                .param("published", Timestamp.from(published))
                .param("completed", completed == null ? null : Timestamp.from(completed))
                .param("status", status)
                .update();
        return id;
    }

    private String status(UUID publication) {
        return jdbc.sql("select status from platform.event_publication where id = :id")
                .param("id", publication)
                .query(String.class)
                .single();
    }

    private List<@Nullable UUID> existing(List<UUID> ids) {
        return jdbc.sql("select id from platform.event_publication where id in (:ids)")
                .param("ids", ids)
                .query(UUID.class)
                .list();
    }

    private static FollowersChanged change(TenantId tenant) {
        return new FollowersChanged(tenant.value(), UUID.randomUUID(), "x", 10, 11, Instant.now());
    }

    private List<String> filed(TenantId tenant, UUID account) {
        return transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("select type from publishing.events where social_account_id = :account")
                        .param("account", account)
                        .query(String.class)
                        .list());
    }
}
