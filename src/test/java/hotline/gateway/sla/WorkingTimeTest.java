package hotline.gateway.sla;

import static hotline.gateway.sla.SlaFixtures.TIME;
import static hotline.gateway.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {

    private static final Duration DAY = Duration.ofHours(8);

    @Test
    void workingTimeSkipsTheWeekend() {
        assertThat(TIME.plusWorking(at("2026-11-27T15:00"), Duration.ofHours(4)))
                .isEqualTo(at("2026-11-30T11:00"));
        assertThat(TIME.workingBetween(at("2026-11-27T15:00"), at("2026-11-30T11:00")))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aStartOutsideWorkingHoursBeginsAtTheNextWorkingPeriod() {
        assertThat(TIME.plusWorking(at("2026-11-26T07:30"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-26T10:00"));
        assertThat(TIME.plusWorking(at("2026-11-26T18:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-27T10:00"));
        assertThat(TIME.plusWorking(at("2026-11-28T11:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-30T10:00"));
        assertThat(TIME.plusWorking(at("2026-11-28T11:00"), Duration.ZERO)).isEqualTo(at("2026-11-30T09:00"));
    }

    @Test
    void workEndingAtTheCloseEndsThenNotNextMorning() {
        assertThat(TIME.plusWorking(at("2026-11-26T09:00"), DAY)).isEqualTo(at("2026-11-26T17:00"));
        assertThat(TIME.plusWorking(at("2026-11-26T13:00"), DAY)).isEqualTo(at("2026-11-27T13:00"));
    }

    @Test
    void fiveWorkingDaysAcrossTheSpringFestivalCountTheMakeUpSaturday() {
        // Thu 12 Feb 10:00: 7 h that day, Fri 13, Sat 14 (make-up), then 15-23 off, Tue 24, Wed 25, 1 h on Thu 26.
        assertThat(TIME.plusWorking(at("2026-02-12T10:00"), DAY.multipliedBy(5)))
                .isEqualTo(at("2026-02-26T10:00"));
        // Fri 27 Feb 16:00: 1 h, then Saturday 28 is a make-up workday.
        assertThat(TIME.plusWorking(at("2026-02-27T16:00"), DAY)).isEqualTo(at("2026-02-28T16:00"));
    }

    @Test
    void fiveWorkingDaysAcrossNationalDayCountTheMakeUpDays() {
        // Fri 18 Sep: Sunday 20 Sep is a make-up workday.
        assertThat(TIME.plusWorking(at("2026-09-18T10:00"), DAY.multipliedBy(5)))
                .isEqualTo(at("2026-09-24T10:00"));
        // Wed 30 Sep: 1-7 Oct off, Thu 8, Fri 9, Sat 10 (make-up), Mon 12, 1 h on Tue 13.
        assertThat(TIME.plusWorking(at("2026-09-30T10:00"), DAY.multipliedBy(5)))
                .isEqualTo(at("2026-10-13T10:00"));
        assertThat(TIME.workingBetween(at("2026-09-30T10:00"), at("2026-10-13T10:00")))
                .isEqualTo(DAY.multipliedBy(5));
    }

    @Test
    void fifteenWorkingDaysAcrossTheYearBoundary() {
        // Thu 17 Dec 2026 09:00: 11 working days to Thu 31 Dec; 2027 has no data, so Fri 1 Jan counts.
        assertThat(TIME.plusWorking(at("2026-12-17T09:00"), DAY.multipliedBy(15)))
                .isEqualTo(at("2027-01-06T17:00"));
        assertThat(TIME.workingBetween(at("2026-12-17T09:00"), at("2027-01-06T17:00")))
                .isEqualTo(DAY.multipliedBy(15));
    }

    @Test
    void workingBetweenIsNegativeBackwardsAndZeroOverADayOff() {
        assertThat(TIME.workingBetween(at("2026-11-30T11:00"), at("2026-11-27T15:00")))
                .isEqualTo(Duration.ofHours(-4));
        assertThat(TIME.workingBetween(at("2026-10-01T08:00"), at("2026-10-07T20:00")))
                .isZero();
    }

    @Test
    void clockSpansIgnoreTheCalendar() {
        assertThat(TIME.plus(at("2026-11-28T23:50"), SlaSpan.clock(Duration.ofMinutes(30))))
                .isEqualTo(at("2026-11-29T00:20"));
        assertThat(TIME.between(at("2026-10-01T08:00"), at("2026-10-01T10:00"), TimeKind.CLOCK))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void negativeWorkingTimeIsRefused() {
        assertThatThrownBy(() -> TIME.plusWorking(at("2026-11-27T15:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
