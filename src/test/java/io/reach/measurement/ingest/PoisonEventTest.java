package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.OwnerDatabase;
import io.reach.support.ReachTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A value the database would refuse rejects its own event and never its batch: the good events
 * are stored and the answer is 202 (a 503 would make senders resend the same poison forever).
 */
@ReachTest
class PoisonEventTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnerDatabase owner;

    @Test
    void valuesTheDatabaseCannotHoldAreRejectedPerEventAndTheRestIsStored() {
        Accounts.SignedIn ada = accounts.owner();
        String batch = """
                [{"event_type": "page_view", "page_url": "/first"},
                 {"event_type": "purchase", "event_value": 12345678901234567.5},
                 {"event_type": "purchase", "event_value": 1e400},
                 {"event_type": "page_view", "page_url": "/a\\u0000b"},
                 {"event_type": "page_view", "custom_properties": {"plan": "pro\\u0000"}},
                 {"event_type": "page_view", "custom_properties": {"nested": {"ke\\u0000y": 1}}},
                 {"event_type": "page_view", "user_agent": "Mozilla\\u0000"},
                 {"event_type": "page_view", "event_label": "half \\ud800 a pair"},
                 {"event_type": "purchase", "event_value": 1234.56789, "page_url": "/last"}]""";

        var answer = api.post("/api/v1/ingest/trackers", key(ada), batch);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().get("stored").asInt()).isEqualTo(2);
        JsonNode rejected = answer.json().get("rejected");
        assertThat(rejected.valueStream().map(r -> r.get("index").asInt())).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(rejected.get(0).at("/errors/0/field").asString()).isEqualTo("event_value");
        assertThat(rejected.get(4).at("/errors/0/field").asString()).isEqualTo("custom_properties.nested");
        assertThat(pages(ada.tenantId())).containsExactlyInAnyOrder("/first", "/last");
    }

    @Test
    void aValueTheDatabaseItselfRefusesRejectsOnlyItsEvent() {
        Accounts.SignedIn ada = accounts.owner();
        owner.run(jdbc -> jdbc.execute("""
                create or replace function public.refuse_marked_event() returns trigger language plpgsql as $$
                begin raise exception 'value out of range' using errcode = '22003'; end $$;
                drop trigger if exists refuse_marked_event on measurement.trackers;
                create constraint trigger refuse_marked_event after insert on measurement.trackers
                    deferrable initially deferred for each row when (new.event_type = 'refused_by_database')
                    execute function public.refuse_marked_event();"""));
        try {
            var answer = api.post("/api/v1/ingest/trackers", key(ada), """
                    [{"event_type": "page_view", "page_url": "/0"}, {"event_type": "page_view", "page_url": "/1"},
                     {"event_type": "page_view", "page_url": "/2"}, {"event_type": "refused_by_database"},
                     {"event_type": "page_view", "page_url": "/4"}]""");

            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            assertThat(answer.json().get("accepted").asInt()).isEqualTo(4);
            assertThat(answer.json().at("/rejected/0/index").asInt()).isEqualTo(3);
            assertThat(answer.json().get("rejected").size()).isEqualTo(1);
            assertThat(pages(ada.tenantId())).containsExactlyInAnyOrder("/0", "/1", "/2", "/4");
        } finally {
            owner.run(jdbc -> jdbc.execute("drop trigger if exists refuse_marked_event on measurement.trackers"));
        }
    }

    private String key(Accounts.SignedIn who) {
        return accounts.ingestKey(who, "poison");
    }

    private List<String> pages(UUID tenant) {
        return owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            return jdbc.queryForList("select page_url from measurement.trackers", String.class);
        });
    }
}
