package hotline.gateway.sla;

import static hotline.gateway.sla.SlaFixtures.CALENDAR;
import static hotline.gateway.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    @Test
    void weekdaysWorkWeekendsDoNot() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-27"))).isTrue(); // Friday
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse(); // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-29"))).isFalse(); // Sunday
    }

    @Test
    void springFestival2026IsOffAndItsMakeUpSaturdaysWork() {
        for (LocalDate d = LocalDate.parse("2026-02-15");
                !d.isAfter(LocalDate.parse("2026-02-23"));
                d = d.plusDays(1)) {
            assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-24"))).isTrue();
    }

    @Test
    void nationalDay2026IsOffAndItsMakeUpDaysWork() {
        for (LocalDate d = LocalDate.parse("2026-10-01");
                !d.isAfter(LocalDate.parse("2026-10-07"));
                d = d.plusDays(1)) {
            assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue(); // Sunday
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue(); // Saturday
    }

    @Test
    void workingIntervalsAreTheOfficeHoursOfWorkingDaysInTheCalendarsZone() {
        assertThat(CALENDAR.workingIntervals(LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-24")))
                .containsExactly(
                        new WorkingInterval(at("2026-02-13T09:00"), at("2026-02-13T17:00")),
                        new WorkingInterval(at("2026-02-14T09:00"), at("2026-02-14T17:00")),
                        new WorkingInterval(at("2026-02-24T09:00"), at("2026-02-24T17:00")));
        assertThat(CALENDAR.workingInterval(LocalDate.parse("2026-02-16"))).isEmpty();
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnlyAndIsReported() {
        assertThat(CALENDAR.coveredYears()).containsExactly(Year.of(2026));
        assertThat(CALENDAR.covers(Year.of(2027))).isFalse();
        // 2027-02-08 is a Monday in what will be the Spring Festival week; without data it is a working day.
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-02-08"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-02-06"))).isFalse();
        assertThat(CALENDAR.uncoveredYears(LocalDate.parse("2026-11-29"))).containsExactly(Year.of(2027));
        assertThat(CALENDAR.uncoveredYears(LocalDate.parse("2027-01-04")))
                .containsExactly(Year.of(2027), Year.of(2028));
        assertThat(CALENDAR.uncoveredYears(LocalDate.parse("2025-06-01"))).containsExactly(Year.of(2025));
    }
}
