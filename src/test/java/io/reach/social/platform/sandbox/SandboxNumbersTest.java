package io.reach.social.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.social.platform.SocialProvider.Content;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxNumbersTest {

    private static final Instant POSTED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPostsIdCarriesItsTimeAndItsCountsAreTheSameWheneverRead() {
        String id = SandboxNumbers.postId(POSTED);

        assertThat(SandboxNumbers.postedAt(id)).contains(POSTED);
        Instant later = POSTED.plus(Duration.ofHours(5));
        assertThat(SandboxNumbers.content(id, null, null, POSTED, later))
                .isEqualTo(SandboxNumbers.content(id, null, null, POSTED, later));
        assertThat(SandboxNumbers.postedAt("urn:li:share:1")).isEmpty();
        assertThat(SandboxNumbers.postedAt("sbx_not-base-36!_x")).isEmpty();
    }

    @Test
    void aPostGathersEngagementAsItAgesAndStopsGrowingAfterAFewDays() {
        String id = SandboxNumbers.postId(POSTED);

        Content fresh = SandboxNumbers.content(id, null, null, POSTED, POSTED);
        Content day = SandboxNumbers.content(id, null, null, POSTED, POSTED.plus(Duration.ofDays(1)));
        Content week = SandboxNumbers.content(id, null, null, POSTED, POSTED.plus(Duration.ofDays(7)));
        Content month = SandboxNumbers.content(id, null, null, POSTED, POSTED.plus(Duration.ofDays(30)));

        assertThat(fresh.impressions()).isPositive();
        assertThat(day.impressions()).isGreaterThan(fresh.impressions());
        assertThat(week.impressions()).isGreaterThan(day.impressions());
        assertThat(month.impressions() - week.impressions()).isLessThan(week.impressions() / 100 + 1);
        assertThat(week.reach()).isLessThanOrEqualTo(week.impressions());
        assertThat(week.likes()).isPositive().isLessThan(week.reach());
        assertThat(week.engagementRate()).isBetween(0.5, 15.0);
    }

    @Test
    void anAccountsNumbersComeFromItsIdAndGrowByDay() {
        Instant today = Instant.parse("2026-12-04T12:00:00Z");

        var metrics = SandboxNumbers.metrics("0123456789abcdef", 3, today);

        assertThat(metrics).isEqualTo(SandboxNumbers.metrics("0123456789abcdef", 3, today));
        assertThat(SandboxNumbers.metrics("0123456789abcdef", 3, today.plus(Duration.ofDays(1)))
                        .followers())
                .isGreaterThan(metrics.followers());
        assertThat(SandboxNumbers.audience("0123456789abcdef", today).activeHours())
                .hasSize(24);
        assertThat(SandboxNumbers.userId("a code")).hasSize(16).isEqualTo(SandboxNumbers.userId("a code"));
    }
}
