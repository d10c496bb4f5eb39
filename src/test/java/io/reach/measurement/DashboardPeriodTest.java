package io.reach.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.web.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The dashboard's periods are local days of the zone, compared with as many days before at the same local times. */
class DashboardPeriodTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 11:00 in Paris, two days after the clocks went back (2026-10-25). */
    static final Instant NOW = Instant.parse("2026-10-27T10:00:00Z");

    @Test
    void theLastSevenDaysEndNowAndCompareWithTheWeekBeforeUpToTheSameLocalTimeAcrossAClockChange() {
        DashboardPeriod week = DashboardPeriod.of("7d", null, null, PARIS, NOW);

        assertThat(week.first()).isEqualTo(LocalDate.parse("2026-10-21"));
        assertThat(week.last()).isEqualTo(LocalDate.parse("2026-10-27"));
        assertThat(week.from()).isEqualTo(Instant.parse("2026-10-20T22:00:00Z"));
        assertThat(week.to()).isEqualTo(NOW);
        assertThat(week.previousFrom()).isEqualTo(Instant.parse("2026-10-13T22:00:00Z"));
        assertThat(week.previousTo()).as("11:00 summer time").isEqualTo(Instant.parse("2026-10-20T09:00:00Z"));
        assertThat(week.interval()).isEqualTo("day");
    }

    @Test
    void todayIsDrawnByTheHourAndComparedWithYesterdayUpToNow() {
        DashboardPeriod today = DashboardPeriod.of("today", null, null, PARIS, NOW);

        assertThat(today.from()).isEqualTo(Instant.parse("2026-10-26T23:00:00Z"));
        assertThat(today.previousFrom()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(today.previousTo()).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
        assertThat(today.interval()).isEqualTo("hour");
    }

    @Test
    void thisMonthAndThirtyDaysAndACustomRangeInThePast() {
        assertThat(DashboardPeriod.of("month", null, null, PARIS, NOW).first())
                .isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(DashboardPeriod.of(null, null, null, PARIS, NOW).days()).isEqualTo(30);
        DashboardPeriod september = DashboardPeriod.of("custom", "2026-09-01", "2026-09-30", PARIS, NOW);
        assertThat(september.to()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(september.previousFrom()).isEqualTo(Instant.parse("2026-08-01T22:00:00Z"));
    }

    @Test
    void badPeriodsAreRefusedAsBadRequests() {
        for (String[] bad : new String[][] {
            {"yesterday", null, null},
            {"custom", null, "2026-10-02"},
            {"custom", "2026-10-02", "2026-10-01"},
            {"custom", "2026-02-30", "2026-03-01"},
            {"custom", "2026-11-01", "2026-11-02"},
            {"custom", "2024-01-01", "2026-01-01"}
        }) {
            assertThatThrownBy(() -> DashboardPeriod.of(bad[0], bad[1], bad[2], PARIS, NOW))
                    .as(java.util.Arrays.toString(bad))
                    .isInstanceOf(BadRequestException.class);
        }
    }
}
