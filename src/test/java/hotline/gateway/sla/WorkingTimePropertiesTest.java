package hotline.gateway.sla;

import static hotline.gateway.sla.SlaFixtures.TIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Working-time arithmetic over 2025-2027 (a covered year between two that count weekends only). */
class WorkingTimePropertiesTest {

    private static final long FROM = Instant.parse("2024-12-31T16:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2027-12-31T16:00:00Z").getEpochSecond();
    private static final long FIFTEEN_WORKING_DAYS = Duration.ofHours(8 * 15).toSeconds();

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> workingTimes() {
        return Arbitraries.longs().between(0, FIFTEEN_WORKING_DAYS).map(Duration::ofSeconds);
    }

    @Property
    void addingWorkingTimeThenMeasuringItGivesItBack(
            @ForAll("instants") Instant start, @ForAll("workingTimes") Duration workingTime) {
        Instant end = TIME.plusWorking(start, workingTime);
        assertThat(end).isAfterOrEqualTo(start);
        assertThat(TIME.workingBetween(start, end)).isEqualTo(workingTime);
    }

    @Property
    void measuringIsAdditiveAndMonotone(
            @ForAll("instants") Instant a, @ForAll("workingTimes") Duration ab, @ForAll("workingTimes") Duration bc) {
        Instant b = a.plus(ab.multipliedBy(3));
        Instant c = b.plus(bc.multipliedBy(3));
        Duration first = TIME.workingBetween(a, b);
        Duration second = TIME.workingBetween(b, c);
        Duration whole = TIME.workingBetween(a, c);
        assertThat(whole).isEqualTo(first.plus(second));
        assertThat(first).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(Duration.between(a, b));
        assertThat(whole).isGreaterThanOrEqualTo(first);
        assertThat(TIME.workingBetween(c, a)).isEqualTo(whole.negated());
    }

    @Property
    void moreWorkingTimeNeverEndsEarlier(
            @ForAll("instants") Instant start,
            @ForAll("workingTimes") Duration shorter,
            @ForAll("workingTimes") Duration extra) {
        assertThat(TIME.plusWorking(start, shorter.plus(extra))).isAfterOrEqualTo(TIME.plusWorking(start, shorter));
    }
}
