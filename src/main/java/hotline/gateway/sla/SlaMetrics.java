package hotline.gateway.sla;

import hotline.gateway.assignment.TargetKind;
import hotline.gateway.reporting.OverdueRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the SLA stands, read when metrics are scraped, each through its own index: assignments the sweep has yet to
 * look at (a growing number means it falls behind) and open assignments past a deadline. The sweep counts the
 * warnings and breaches it records itself (hotline_sla_warnings_total, hotline_sla_breaches_total).
 */
@Component
public class SlaMetrics {

    private static final String SWEEP_BACKLOG = "SELECT count(*) FROM ticket_assignment WHERE next_check_at <= now()";
    private static final String OVERDUE = "SELECT count(*) FROM ticket_assignment a WHERE a.ended_at IS NULL AND "
            + OverdueRepository.MISSED_AT + " < now()";

    public SlaMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        Gauge.builder("hotline.sla.sweep.backlog", jdbc, db -> db.queryForObject(SWEEP_BACKLOG, Long.class))
                .description("Assignments whose next SLA check has come and that the sweep has not taken yet")
                .register(registry);
        Gauge.builder("hotline.sla.overdue", jdbc, db -> db.queryForObject(OVERDUE, Long.class))
                .description("Open assignments past a deadline they have not met")
                .register(registry);
        // The sweep's counters exist from the start (at 0), so dashboards and alerts see them before the first one.
        for (TargetKind kind : TargetKind.values()) {
            Counter.builder("hotline.sla.warnings")
                    .description("SLA warnings the sweep recorded")
                    .tag("target", kind.name())
                    .register(registry);
            Counter.builder("hotline.sla.breaches")
                    .description("SLA breaches the sweep recorded (escalated once each)")
                    .tag("target", kind.name())
                    .register(registry);
        }
    }
}
