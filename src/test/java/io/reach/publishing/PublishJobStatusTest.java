package io.reach.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.social.PlatformError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A publish job's states own their moves; an attempt ends only in a state a running job may take. */
class PublishJobStatusTest {

    @Test
    void aRunningJobEndsInSuccessFailureMissOrRetryAndASettledOneStaysSettled() {
        assertThat(PublishJobStatus.values())
                .filteredOn(PublishJobStatus::endsAnAttempt)
                .containsExactlyInAnyOrder(
                        PublishJobStatus.SUCCESS,
                        PublishJobStatus.FAILED,
                        PublishJobStatus.MISSED,
                        PublishJobStatus.RETRY);
        for (PublishJobStatus next : PublishJobStatus.values()) {
            assertThat(PublishJobStatus.SUCCESS.canMoveTo(next))
                    .as("success to %s", next)
                    .isFalse();
        }
        assertThat(PublishJobStatus.CANCELLED.canMoveTo(PublishJobStatus.PENDING))
                .as("planned again")
                .isTrue();
        assertThat(PublishJobStatus.values())
                .filteredOn(PublishJobStatus::open)
                .containsExactlyInAnyOrder(PublishJobStatus.PENDING, PublishJobStatus.RUNNING, PublishJobStatus.RETRY);
    }

    @Test
    void anAttemptCannotEndPendingOrCancelled() {
        assertThatThrownBy(() -> PublishJobs.AttemptEnd.settled(
                        PublishJobStatus.CANCELLED, null, null, null, null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A running job cannot become cancelled");
        assertThat(PublishJobs.AttemptEnd.settled(PublishJobStatus.SUCCESS, "p1", null, null, null, Instant.EPOCH)
                        .publishedAt())
                .isEqualTo(Instant.EPOCH);
        assertThat(PublishJobs.AttemptEnd.retry("later", PlatformError.Kind.RETRYABLE, 503, Instant.EPOCH, false)
                        .status())
                .isEqualTo(PublishJobStatus.RETRY);
    }
}
