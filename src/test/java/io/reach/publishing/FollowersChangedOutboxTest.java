package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.util.AopTestUtils;

/**
 * Social's {@code FollowersChanged} reaches publishing through the event publication registry
 * ({@code platform.event_publication}): delivered after the commit, completed in the registry,
 * delivered again at start-up when a crash left it incomplete, and filed once however often it
 * is delivered.
 */
@ReachTest
class FollowersChangedOutboxTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30Z");
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
    IncompleteEventPublications incomplete;

    @Autowired
    EngagementTracking tracking;

    @Test
    void aFollowerChangeIsFiledThroughThePublicationRegistryAfterTheCommit() {
        var tenant = TenantId.of(tenants.aTenant().id());
        var change = change(tenant, UUID.randomUUID());

        publish(change);

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(publications(change)).containsExactly("COMPLETED"));
        assertThat(filed(tenant, change.socialAccountId())).containsExactly("followers_changed");
    }

    @Test
    void aPublicationACrashLeftIncompleteIsCompletedWhenTheApplicationStartsAgain() {
        var tenant = TenantId.of(tenants.aTenant().id());
        var delivered = change(tenant, UUID.randomUUID());
        publish(delivered);
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(publications(delivered)).containsExactly("COMPLETED"));
        String listener = jdbc.sql(
                        "select listener_id from platform.event_publication where serialized_event like :account")
                .param("account", "%" + delivered.socialAccountId() + "%")
                .query(String.class)
                .single();

        // what the registry holds when the process died after the publishing commit, mid-delivery
        var interrupted = change(tenant, UUID.randomUUID());
        jdbc.sql("""
                insert into platform.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    status, completion_attempts)
                values (:id, :listener, :type, :event, :published, 'PROCESSING', 1)""")
                .param("id", UUID.randomUUID())
                .param("listener", listener)
                .param("type", FollowersChanged.class.getName())
                .param("event", serializer.serialize(interrupted).toString())
                .param("published", Timestamp.from(Instant.now()))
                .update(); // fresh: the staleness monitor leaves it alone
        assertThat(filed(tenant, interrupted.socialAccountId())).isEmpty();

        // what the application does once its beans are up after a restart
        ((SmartInitializingSingleton) incomplete).afterSingletonsInstantiated();

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(publications(interrupted)).containsExactly("COMPLETED"));
        assertThat(filed(tenant, interrupted.socialAccountId())).containsExactly("followers_changed");
    }

    @Test
    void aChangeDeliveredTwiceIsFiledOnce() {
        var tenant = TenantId.of(tenants.aTenant().id());
        var change = change(tenant, UUID.randomUUID());

        // at-least-once: after a crash the registry hands the listener an event it may already have filed.
        // The listener itself is called (past its asynchronous proxy): publishing two equal events would
        // test Modulith's bookkeeping of equal events, not the listener's idempotency.
        EngagementTracking listener = AopTestUtils.getUltimateTargetObject(tracking);
        listener.on(change);
        listener.on(change);

        assertThat(filed(tenant, change.socialAccountId())).containsExactly("followers_changed");
    }

    private static FollowersChanged change(TenantId tenant, UUID account) {
        return new FollowersChanged(tenant.value(), account, "x", 999, 1000, AT);
    }

    /** Published as social's sync publishes it: inside the tenant's transaction. */
    private void publish(FollowersChanged change) {
        transactions.inTransactionAs(TenantId.of(change.tenantId()), () -> {
            publisher.publishEvent(change);
            return null;
        });
    }

    /** The status of each publication of this change; completed ones must carry their completion date. */
    private List<@Nullable String> publications(FollowersChanged change) {
        return jdbc.sql("""
                select case when completion_date is null then 'INCOMPLETE ' || coalesce(status, '') else status end
                from platform.event_publication where serialized_event like :account order by publication_date""")
                .param("account", "%" + change.socialAccountId() + "%")
                .query(String.class)
                .list();
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
