package hotline.gateway.sla;

import static hotline.gateway.sla.SlaFixtures.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.assignment.TargetKind;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.ticket.Priority;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final String VALID = """
            calendar:
              zone: Asia/Shanghai
              working-hours: 08:30-16:30
            warn-at: 0.75
            priorities:
              URGENT:
                sign: 30 minutes
                contact: 2 hours
                resolve: 24 hours
              NORMAL:
                sign: 4 working hours
                contact: 1 working day
                resolve: 5 working days
                needs:
                  URBAN_MANAGEMENT:
                    resolve: 10 working days
            dispatch-desk:
              reassign: 2 working hours
            extension:
              max-resolve: 15 working days
            """;

    private static SlaPolicy parse(String yaml) {
        return SlaPolicyFile.parse(new StringReader(yaml), "test/sla.yml");
    }

    @Test
    void theShippedPolicyHasTheIssuesDefaults() {
        TargetSpans urgent = POLICY.targets(Priority.URGENT, null);
        assertThat(urgent.sign()).isEqualTo(SlaSpan.clock(Duration.ofMinutes(30)));
        assertThat(urgent.contact()).isEqualTo(SlaSpan.clock(Duration.ofHours(2)));
        assertThat(urgent.resolve()).isEqualTo(SlaSpan.clock(Duration.ofHours(24)));
        TargetSpans normal = POLICY.targets(Priority.NORMAL, NeedCode.MEDICAL);
        assertThat(normal.sign()).isEqualTo(SlaSpan.working(Duration.ofHours(4)));
        assertThat(normal.contact()).isEqualTo(SlaSpan.working(Duration.ofHours(8)));
        assertThat(normal.resolve()).isEqualTo(SlaSpan.working(Duration.ofHours(40)));
        assertThat(POLICY.reassign()).isEqualTo(SlaSpan.working(Duration.ofHours(2)));
        assertThat(POLICY.span(Priority.URGENT, NeedCode.EMERGENCY, TargetKind.REASSIGN))
                .isEqualTo(POLICY.reassign());
        assertThat(POLICY.warnAt()).isEqualTo(0.8);
        assertThat(POLICY.extensionMaximum()).isEqualTo(SlaSpan.working(Duration.ofHours(120)));
        assertThat(POLICY.workingHours())
                .isEqualTo(new WorkingHours(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(17, 0)));
    }

    @Test
    void aNeedOverridesOnlyTheTargetsItNames() {
        SlaPolicy policy = parse(VALID);
        assertThat(policy.span(Priority.NORMAL, NeedCode.URBAN_MANAGEMENT, TargetKind.RESOLVE))
                .isEqualTo(SlaSpan.working(Duration.ofHours(80)));
        assertThat(policy.span(Priority.NORMAL, NeedCode.URBAN_MANAGEMENT, TargetKind.SIGN))
                .isEqualTo(SlaSpan.working(Duration.ofHours(4)));
        assertThat(policy.span(Priority.NORMAL, NeedCode.HOUSING, TargetKind.RESOLVE))
                .isEqualTo(SlaSpan.working(Duration.ofHours(40)));
        assertThat(policy.span(Priority.URGENT, NeedCode.URBAN_MANAGEMENT, TargetKind.RESOLVE))
                .isEqualTo(SlaSpan.clock(Duration.ofHours(24)));
        assertThat(policy.warnAt()).isEqualTo(0.75);
        assertThat(policy.workingHours().perDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void unknownPriorityOrNeedAskedOfThePolicyIsRefused() {
        assertThatThrownBy(() -> SlaPolicy.priority("LOW")).hasMessageContaining("unknown priority 'LOW'");
        assertThatThrownBy(() -> SlaPolicy.needCode("PETS")).hasMessageContaining("unknown need 'PETS'");
    }

    @Test
    void aBrokenFileFailsNamingTheFileAndTheEntry() {
        assertBroken(VALID.replace("  URGENT:", "  LOW:"), "test/sla.yml: priorities.LOW: unknown priority 'LOW'");
        assertBroken(
                VALID.replace("URBAN_MANAGEMENT:", "PETS:"),
                "test/sla.yml: priorities.NORMAL.needs.PETS: unknown need 'PETS'");
        assertBroken(
                VALID.replace("sign: 4 working hours", "sign: 4 workng hours"),
                "test/sla.yml: priorities.NORMAL.sign: cannot read '4 workng hours'");
        assertBroken(
                VALID.replace("max-resolve: 15 working days", "max-resolve: 15 days"),
                "test/sla.yml: extension.max-resolve: cannot read '15 days'");
        assertBroken(VALID.replace("warn-at: 0.75", "warn-at: 1"), "test/sla.yml: warn-at: 1 is not between 0 and 1");
        assertBroken(VALID.replace("warn-at: 0.75", "warn-at: 0"), "test/sla.yml: warn-at: 0 is not between 0 and 1");
        assertBroken(VALID.replace("warn-at: 0.75", "warn-at: 80%"), "test/sla.yml: warn-at: '80%' is not a number");
        assertBroken(VALID.replace("    contact: 2 hours\n", ""), "test/sla.yml: priorities.URGENT.contact: missing");
        assertBroken(
                VALID.replace("    resolve: 24 hours", "    resolv: 24 hours"),
                "test/sla.yml: priorities.URGENT.resolv: unknown entry");
        assertBroken(
                VALID.replace("working-hours: 08:30-16:30", "working-hours: 17:00-09:00"),
                "test/sla.yml: calendar.working-hours: working hours must start before they end");
        assertBroken(
                VALID.replace("zone: Asia/Shanghai", "zone: Mars/Olympus"),
                "test/sla.yml: calendar.zone: unknown time zone 'Mars/Olympus'");
        assertBroken(
                VALID.substring(0, VALID.indexOf("  NORMAL:")) + VALID.substring(VALID.indexOf("dispatch-desk:")),
                "test/sla.yml: priorities.NORMAL: missing");
        assertBroken(
                VALID + "warn-at: 0.5\n",
                "test/sla.yml: unreadable YAML at line 21, column 8: Duplicate field 'warn-at'");
        assertBroken("just text", "test/sla.yml: expected entries");
    }

    private static void assertBroken(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
