package hotline.gateway.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepDecisionTest {

    private static final Instant NOW = at("2026-11-30T10:00");

    /** A Shanghai local date and time. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant();
    }

    private static TargetState target(TargetKind kind, String warnAt, String dueAt) {
        return new TargetState(kind, at(warnAt), at(dueAt), null, null, null);
    }

    @Test
    void warnsATargetPastItsWarningTimeOnly() {
        TargetState sign = target(TargetKind.SIGN, "2026-11-30T09:48", "2026-11-30T11:00");
        SweepDecision d = SweepDecision.of(List.of(sign), NOW);
        assertThat(d.warn()).containsExactly(sign);
        assertThat(d.breach()).isEmpty();
        assertThat(d.nextCheckAt()).isEqualTo(at("2026-11-30T11:00"));
    }

    @Test
    void breachesATargetAlreadyWarned() {
        TargetState sign = new TargetState(
                TargetKind.SIGN, at("2026-11-30T09:00"), at("2026-11-30T10:00"), null, at("2026-11-30T09:00"), null);
        SweepDecision d = SweepDecision.of(List.of(sign), NOW);
        assertThat(d.breach()).containsExactly(sign);
        assertThat(d.warn()).isEmpty();
        assertThat(d.nextCheckAt()).isNull();
    }

    @Test
    void bothPastMeansABreachWithoutASeparateWarning() {
        TargetState contact = target(TargetKind.CONTACT, "2026-11-30T08:00", "2026-11-30T09:00");
        SweepDecision d = SweepDecision.of(List.of(contact), NOW);
        assertThat(d.breach()).containsExactly(contact);
        assertThat(d.warn()).isEmpty();
    }

    @Test
    void metOrAlreadyBreachedTargetsAreLeftAlone() {
        TargetState met = new TargetState(
                TargetKind.SIGN, at("2026-11-30T08:00"), at("2026-11-30T09:00"), at("2026-11-30T09:30"), null, null);
        TargetState breached = new TargetState(
                TargetKind.CONTACT,
                at("2026-11-30T08:00"),
                at("2026-11-30T09:00"),
                null,
                at("2026-11-30T08:00"),
                at("2026-11-30T09:00"));
        SweepDecision d = SweepDecision.of(List.of(met, breached), NOW);
        assertThat(d.nothingToDo()).isTrue();
        assertThat(d.nextCheckAt()).isNull();
    }

    @Test
    void nextCheckIsTheEarliestFutureWarningOrDueTimeOfPendingTargets() {
        TargetState sign = new TargetState(
                TargetKind.SIGN, at("2026-11-30T09:00"), at("2026-11-30T12:00"), null, at("2026-11-30T09:00"), null);
        TargetState contact = target(TargetKind.CONTACT, "2026-11-30T11:30", "2026-12-01T10:00");
        TargetState resolve = target(TargetKind.RESOLVE, "2026-12-03T16:00", "2026-12-07T10:00");
        SweepDecision d = SweepDecision.of(List.of(resolve, sign, contact), NOW);
        assertThat(d.nothingToDo()).isTrue();
        assertThat(d.nextCheckAt()).isEqualTo(at("2026-11-30T11:30"));
        // Once contact is met, sign's due time is next.
        TargetState contactMet =
                new TargetState(TargetKind.CONTACT, contact.warnAt(), contact.dueAt(), NOW, null, null);
        assertThat(SweepDecision.of(List.of(resolve, sign, contactMet), NOW).nextCheckAt())
                .isEqualTo(at("2026-11-30T12:00"));
    }

    @Test
    void atExactlyItsTimesATargetIsWarnedThenBreachedSoNoCheckIsLost() {
        TargetState sign = target(TargetKind.SIGN, "2026-11-30T10:00", "2026-11-30T11:00");
        assertThat(SweepDecision.of(List.of(sign), NOW).warn()).containsExactly(sign);
        assertThat(SweepDecision.of(List.of(sign), at("2026-11-30T11:00")).breach())
                .containsExactly(sign);
    }

    @Test
    void aTargetWithoutAWarningTimeIsOnlyBreached() {
        TargetState reassign = new TargetState(TargetKind.REASSIGN, null, at("2026-11-30T11:00"), null, null, null);
        SweepDecision d = SweepDecision.of(List.of(reassign), NOW);
        assertThat(d.nothingToDo()).isTrue();
        assertThat(d.nextCheckAt()).isEqualTo(at("2026-11-30T11:00"));
    }
}
