package hotline.gateway.sla;

import static hotline.gateway.sla.SlaFixtures.POLICY;
import static hotline.gateway.sla.SlaFixtures.TIME;
import static hotline.gateway.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.assignment.TargetKind;
import hotline.gateway.ticket.Priority;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExtensionsTest {

    private final Extensions extensions = new Extensions(TIME, POLICY);

    // Assigned Mon 23 Nov 2026 10:00; 5 working days: due Mon 30 Nov 10:00; 15 working days: Mon 14 Dec 10:00.
    private static final String START = "2026-11-23T10:00";

    @Test
    void anExtensionWithinTheMaximumAddsWorkingDaysToTheDueTime() {
        Extension e = extensions.extend(at(START), at("2026-11-30T10:00"), 5);
        assertThat(e).isEqualTo(new Extension(at("2026-12-07T10:00"), false, at("2026-12-14T10:00")));
        assertThat(extensions.extend(at(START), at("2026-11-30T10:00"), 10).dueAt())
                .isEqualTo(at("2026-12-14T10:00"));
        assertThat(extensions.extend(at(START), at("2026-11-30T10:00"), 10).capped())
                .isFalse();
    }

    @Test
    void anExtensionBeyondTheMaximumIsCappedAndSaysSo() {
        Extension e = extensions.extend(at(START), at("2026-11-30T10:00"), 11);
        assertThat(e).isEqualTo(new Extension(at("2026-12-14T10:00"), true, at("2026-12-14T10:00")));
    }

    @Test
    void aSecondExtensionCountsFromTheExtendedDueTimeAndTheSameCap() {
        Extension first = extensions.extend(at(START), at("2026-11-30T10:00"), 5);
        Extension second = extensions.extend(at(START), first.dueAt(), 6);
        assertThat(second.dueAt()).isEqualTo(at("2026-12-14T10:00"));
        assertThat(second.capped()).isTrue();
    }

    @Test
    void aDueTimeAlreadyPastTheMaximumIsNeverShortened() {
        Extension e = extensions.extend(at(START), at("2026-12-20T10:00"), 1);
        assertThat(e.dueAt()).isEqualTo(at("2026-12-20T10:00"));
        assertThat(e.capped()).isTrue();
    }

    @Test
    void extensionAcrossNationalDayCountsWorkingDays() {
        // Assigned Fri 25 Sep 10:00 (a Mid-Autumn holiday: counts from Mon 28 Sep 09:00); due 5 working days later.
        Instant start = at("2026-09-25T10:00");
        Instant due = TIME.plus(start, POLICY.span(Priority.NORMAL, null, TargetKind.RESOLVE));
        assertThat(due).isEqualTo(at("2026-10-09T17:00"));
        assertThat(extensions.extend(start, due, 2).dueAt()).isEqualTo(at("2026-10-12T17:00"));
    }

    @Test
    void zeroOrNegativeDaysAreRefused() {
        assertThatThrownBy(() -> extensions.extend(at(START), at("2026-11-30T10:00"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
