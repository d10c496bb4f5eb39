package io.reach.measurement.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.reach.platform.web.FieldError;
import java.time.Duration;
import java.time.Instant;
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

    @Test
    void eachEventIsCheckedInDocumentOrderWithTheLastValueOfARepeatedKey() {
        var items = TrackerBatches.items("""
                [{"page_url": 5, "colour": "red", "event_type": "a", "event_type": " ", "event_value": "x",
                  "session_id": null, "custom_properties": [1]},
                 {"event_type": "view", "event_type": "click", "user_id": "u-1", "event_value": 2.5,
                  "custom_properties": {"plan": "pro"}, "created_at": "2026-12-05T10:00:00Z"}]""", json);
        Instant now = Instant.parse("2026-12-05T10:01:00Z");

        var bad = items.get(0).event().problems(now, Duration.ofDays(7), Duration.ofMinutes(10));
        assertThat(bad)
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        tuple("page_url", "is text"),
                        tuple("colour", "is not a tracker field"),
                        tuple("event_type", "is required"),
                        tuple("event_value", "is a number"),
                        tuple("custom_properties", "is a JSON object"));
        TrackerFields good = items.get(1).event();
        assertThat(good.problems(now, Duration.ofDays(7), Duration.ofMinutes(10)))
                .isEmpty();
        assertThat(good.text(TrackerFields.Field.EVENT_TYPE)).isEqualTo("click");
        assertThat(good.text(TrackerFields.Field.SESSION_ID)).isNull();
        assertThat(good.value()).isEqualByComparingTo("2.5");
        assertThat(good.customProperties()).isEqualTo("{\"plan\":\"pro\"}");
        assertThat(good.createdAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
    }

    @Test
    void anUnclosedArrayIsAMalformedBatchAndALineWithTrailingTextIsRejected() {
        assertThatThrownBy(() -> TrackerBatches.items("[{\"event_type\": \"a\"}", json))
                .isInstanceOf(TrackerBatches.MalformedBatch.class);
        assertThatThrownBy(() -> TrackerBatches.items("[{\"event_type\": \"a\"}] []", json))
                .isInstanceOf(TrackerBatches.MalformedBatch.class);

        var items = TrackerBatches.items("{\"event_type\": \"a\"} {\"event_type\": \"b\"}\n[1]", json);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).errors()).extracting(FieldError::message).allMatch(m -> m.startsWith("is not JSON"));
        assertThat(items.get(1).errors()).extracting(FieldError::message).containsExactly("is not a JSON object");
    }

    @Test
    void anArrayThatIsNotUtf8IsRefusedWhole() {
        byte[] body = "[{\"event_type\": \"?\"}]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        body[17] = (byte) 0xFF;

        assertThatThrownBy(() -> TrackerBatches.items(body, json)).isInstanceOf(TrackerBatches.MalformedBatch.class);
    }
}
