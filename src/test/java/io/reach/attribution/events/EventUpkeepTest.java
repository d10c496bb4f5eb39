package io.reach.attribution.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stream's upkeep clears household keys past the workspace's household retention (90 days by
 * default) and keeps younger ones; dropping partitions of the last year is refused by the database.
 */
@ReachTest
class EventUpkeepTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    EventUpkeep upkeep;

    @Test
    void oldHouseholdKeysAreClearedAndRecentOnesKept() {
        Accounts.SignedIn ada = accounts.owner();
        Instant old = Instant.now().minus(100, ChronoUnit.DAYS);
        Instant recent = Instant.now().minus(10, ChronoUnit.DAYS);
        Api.Response touches = api.post(
                "/api/v1/ingest/touches",
                ada.accessToken(),
                String.join(
                        "\n",
                        "{\"occurred_at\": \"" + old + "\", \"channel\": \"podcast\", \"ip\": \"198.51.100.9\"}",
                        "{\"occurred_at\": \"" + recent + "\", \"channel\": \"podcast\", \"ip\": \"198.51.100.9\"}"));
        assertThat(touches.status()).as(touches.body()).isEqualTo(202);
        assertThat(touches.json().get("stored").asInt()).isEqualTo(2);

        upkeep.run();

        owner.run(db -> {
            db.execute("set app.tenant_id = '" + ada.tenantId() + "'");
            Long kept = db.queryForObject(
                    "select count(*) from attribution.events where tenant_id = ?::uuid and household_key is not null",
                    Long.class,
                    ada.tenantId().toString());
            Long cleared = db.queryForObject(
                    "select count(*) from attribution.events where tenant_id = ?::uuid and household_key is null",
                    Long.class,
                    ada.tenantId().toString());
            assertThat(kept).as("ten days old: kept").isEqualTo(1);
            assertThat(cleared).as("a hundred days old: past 90").isEqualTo(1);
            assertThatThrownBy(() -> db.queryForObject(
                            "select attribution.drop_event_partitions(current_date - 30)", Integer.class))
                    .hasMessageContaining("refusing");
        });
    }
}
