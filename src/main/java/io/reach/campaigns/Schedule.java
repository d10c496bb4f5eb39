package io.reach.campaigns;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When a campaign runs: an optional start and end, the end never before the start (the table checks it too). */
record Schedule(@Nullable Instant start, @Nullable Instant end) {

    Schedule {
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidRequestException(new FieldError("end_date", "must not be before start_date"));
        }
    }

    /** Whether the campaign's end has passed at {@code now}. */
    boolean endedBy(Instant now) {
        return end != null && now.isAfter(end);
    }
}
