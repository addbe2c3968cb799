package hotline.gateway.sla;

import static hotline.gateway.sla.SlaFixtures.TIME;
import static hotline.gateway.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.assignment.TargetKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaMeterTest {

    private final SlaMeter meter = new SlaMeter(TIME);

    @Test
    void runningTargetInWorkingTime() {
        // Due Mon 11:00 from Fri 15:00; at Sat noon two working hours have passed and two remain.
        Measurement m = meter.measure(
                TimeKind.WORKING, at("2026-11-27T15:00"), at("2026-11-30T11:00"), null, at("2026-11-28T12:00"));
        assertThat(m)
                .isEqualTo(new Measurement(TimeKind.WORKING, Duration.ofHours(2), Duration.ofHours(2), false, false));
    }

    @Test
    void unmetPastItsDueTimeIsBreachedWithNegativeRemaining() {
        Measurement m = meter.measure(
                TimeKind.WORKING, at("2026-11-27T15:00"), at("2026-11-30T11:00"), null, at("2026-11-30T13:30"));
        assertThat(m.elapsed()).isEqualTo(Duration.ofMinutes(390));
        assertThat(m.remaining()).isEqualTo(Duration.ofMinutes(-150));
        assertThat(m.breached()).isTrue();
        assertThat(meter.measure(
                                TimeKind.WORKING,
                                at("2026-11-27T15:00"),
                                at("2026-11-30T11:00"),
                                null,
                                at("2026-11-30T11:00"))
                        .breached())
                .isTrue();
    }

    @Test
    void metTargetsStopTheClockAtTheirMetTime() {
        Measurement inTime = meter.measure(
                TimeKind.CLOCK,
                at("2026-11-28T23:50"),
                at("2026-11-29T00:20"),
                at("2026-11-29T00:20"),
                at("2026-11-29T09:00"));
        assertThat(inTime)
                .isEqualTo(new Measurement(TimeKind.CLOCK, Duration.ofMinutes(30), Duration.ZERO, true, false));
        Measurement late = meter.measure(
                TimeKind.CLOCK,
                at("2026-11-28T23:50"),
                at("2026-11-29T00:20"),
                at("2026-11-29T00:21"),
                at("2026-11-29T09:00"));
        assertThat(late.breached()).isTrue();
        assertThat(late.remaining()).isEqualTo(Duration.ofMinutes(-1));
    }

    @Test
    void measuresADeadline() {
        Deadline d = new Deadlines(TIME, 0.8)
                .deadline(TargetKind.RESOLVE, SlaSpan.working(Duration.ofHours(40)), at("2026-09-30T10:00"));
        Measurement m = meter.measure(d, null, at("2026-10-06T10:00"));
        assertThat(m.elapsed()).isEqualTo(Duration.ofHours(7));
        assertThat(m.remaining()).isEqualTo(Duration.ofHours(33));
        assertThat(m.breached()).isFalse();
    }
}
