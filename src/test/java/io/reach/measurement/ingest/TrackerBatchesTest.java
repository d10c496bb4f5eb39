package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How a body is split into events: only a body that starts like JSON is read event by event. */
class TrackerBatchesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBodyThatIsNotJsonAtAllIsAMalformedBatch() {
        for (String body : new String[] {"hello world", "42", "\"an event\"", "  \n true", "event_type=pageview"}) {
            assertThatThrownBy(() -> TrackerBatches.items(body, json))
                    .as(body)
                    .isInstanceOf(TrackerBatches.MalformedBatch.class);
        }
    }

    @Test
    void ndjsonKeepsRejectingBadLinesOneByOne() {
        var items = TrackerBatches.items("{\"event_type\":\"pageview\"}\nnot json\n42\n", json);

        assertThat(items).hasSize(3);
        assertThat(items.get(0).errors()).isEmpty();
        assertThat(items.get(1).errors()).isNotEmpty();
        assertThat(items.get(2).errors()).isNotEmpty();
    }
}
