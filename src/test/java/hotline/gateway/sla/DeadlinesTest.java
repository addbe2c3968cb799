package hotline.gateway.sla;

import static hotline.gateway.sla.SlaFixtures.POLICY;
import static hotline.gateway.sla.SlaFixtures.TIME;
import static hotline.gateway.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.assignment.TargetKind;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.ticket.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(TIME, POLICY.warnAt());

    @Test
    void normalSignForOverAWeekendWarnsAtEightyPercentOfWorkingTime() {
        Deadline d = deadlines.deadline(
                TargetKind.SIGN,
                POLICY.span(Priority.NORMAL, NeedCode.ELDERLY_CARE, TargetKind.SIGN),
                at("2026-11-27T15:00"));
        assertThat(d.startedAt()).isEqualTo(at("2026-11-27T15:00"));
        // 4 working hours: 2 on Friday, 2 on Monday; 80% = 3 h 12 min.
        assertThat(d.dueAt()).isEqualTo(at("2026-11-30T11:00"));
        assertThat(d.warnAt()).isEqualTo(at("2026-11-30T10:12"));
    }

    @Test
    void urgentCountsClockTimeThroughTheNight() {
        Deadline d = deadlines.deadline(
                TargetKind.SIGN, POLICY.span(Priority.URGENT, null, TargetKind.SIGN), at("2026-11-28T23:50"));
        assertThat(d.dueAt()).isEqualTo(at("2026-11-29T00:20"));
        assertThat(d.warnAt()).isEqualTo(at("2026-11-29T00:14"));
        Deadline resolve = deadlines.deadline(
                TargetKind.RESOLVE, POLICY.span(Priority.URGENT, null, TargetKind.RESOLVE), at("2026-10-01T08:00"));
        assertThat(resolve.dueAt()).isEqualTo(at("2026-10-02T08:00"));
    }

    @Test
    void resolveAcrossTheSpringFestival() {
        Deadline d = deadlines.deadline(
                TargetKind.RESOLVE, POLICY.span(Priority.NORMAL, null, TargetKind.RESOLVE), at("2026-02-12T10:00"));
        assertThat(d.dueAt()).isEqualTo(at("2026-02-26T10:00"));
        // 32 of 40 working hours: Thu 7, Fri 8, Sat 14 (make-up) 8, Tue 24 8, then 1 h on Wed 25.
        assertThat(d.warnAt()).isEqualTo(at("2026-02-25T10:00"));
    }

    @Test
    void contactAcrossNationalDay() {
        Deadline d = deadlines.deadline(
                TargetKind.CONTACT, POLICY.span(Priority.NORMAL, null, TargetKind.CONTACT), at("2026-09-30T15:00"));
        assertThat(d.dueAt()).isEqualTo(at("2026-10-08T15:00"));
        assertThat(d.warnAt()).isEqualTo(at("2026-10-08T13:24"));
    }

    @Test
    void aStartOutsideWorkingHoursCountsFromTheNextWorkingMorning() {
        Deadline d = deadlines.deadline(TargetKind.REASSIGN, POLICY.reassign(), at("2026-11-27T19:30"));
        assertThat(d.dueAt()).isEqualTo(at("2026-11-30T11:00"));
        assertThat(d.warnAt()).isEqualTo(at("2026-11-30T10:36"));
    }

    @Test
    void warnAtOfAMovedDueTimeIsTheShareOfTheTimeFromStartToDue() {
        assertThat(deadlines.warnAt(at("2026-11-23T09:00"), at("2026-12-04T17:00"), TimeKind.WORKING))
                .isEqualTo(at("2026-12-02T17:00")); // 64 of 80 working hours: eight full days
        assertThat(deadlines.warnAt(at("2026-11-28T00:00"), at("2026-11-28T10:00"), TimeKind.CLOCK))
                .isEqualTo(at("2026-11-28T08:00"));
        assertThat(new Deadlines(TIME, 0.5)
                        .deadline(TargetKind.SIGN, SlaSpan.working(Duration.ofHours(4)), at("2026-11-27T15:00"))
                        .warnAt())
                .isEqualTo(at("2026-11-27T17:00"));
    }
}
