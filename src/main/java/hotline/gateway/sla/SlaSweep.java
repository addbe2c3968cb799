package hotline.gateway.sla;

import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.assignment.SweepDecision;
import hotline.gateway.assignment.TargetKind;
import hotline.gateway.assignment.TargetState;
import hotline.gateway.assignment.TargetTimes;
import hotline.gateway.dispatch.DuplicateId;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.dispatch.OutboxMessage;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.ResolutionRule;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.TicketLinks;
import hotline.gateway.ticket.message.SlaMessage;
import hotline.gateway.ticket.message.TicketUpdate;
import io.micrometer.core.instrument.Metrics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA sweep: takes the assignments whose next check has come (through the partial index on next_check_at, so the
 * cost follows what is due, not what is open), locked with SKIP LOCKED so that several gateway instances share the
 * work and never take the same row. A target at its warning share is warned once (an event, and an SLA_WARNING to the
 * office's own queue); a target past its deadline is breached once: the ticket is flagged ESCALATED, an event
 * recorded and one SLA_BREACH message sent to escalations.<district>.
 * Marking the target and writing the message happen in one transaction, and the message's duplicate id is derived
 * from the target, so a breach is escalated exactly once.
 */
public class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

    private static final String TAKE_DUE = """
            SELECT a.*, t.ticket_no, t.status AS ticket_status, t.version AS ticket_version,
                   t.extended AS ticket_extended, t.escalated AS ticket_escalated, t.assigned_rule AS ticket_rule,
                   t.queue AS ticket_queue
            FROM ticket_assignment a JOIN ticket t ON t.id = a.ticket_id
            WHERE a.next_check_at <= ?
            ORDER BY a.next_check_at
            LIMIT ?
            FOR UPDATE OF a, t SKIP LOCKED
            """;
    private static final String ESCALATE_TICKET = "UPDATE ticket SET escalated = true, updated_at = ? WHERE id = ?";
    private static final String INSERT_EVENT = """
            INSERT INTO ticket_event (ticket_id, type, status, actor, reason, occurred_at, data, office_code,
                                      assignment_seq)
            VALUES (?, ?, ?, 'sla-sweep', ?, ?, ?::jsonb, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final Json json;
    private final Clock clock;
    private final int batchSize;

    public SlaSweep(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            AssignmentRepository assignments,
            Outbox outbox,
            Json json,
            Clock clock,
            int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.assignments = assignments;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sweeps batch after batch until nothing more is due; returns the warnings and breaches recorded. */
    public int sweepDue() {
        int recorded = 0;
        int taken;
        do {
            Batch batch = transaction.execute(status -> sweepBatch());
            taken = batch.taken();
            recorded += batch.recorded();
            // Counted once committed (Spring Boot's registry is in Micrometer's global one).
            batch.warnings().forEach(kind -> count("hotline.sla.warnings", kind));
            batch.breaches().forEach(kind -> count("hotline.sla.breaches", kind));
        } while (taken == batchSize);
        if (recorded > 0) {
            log.info("SLA sweep recorded {} warnings and breaches", recorded);
        }
        return recorded;
    }

    private static void count(String counter, TargetKind kind) {
        Metrics.counter(counter, "target", kind.name()).increment();
    }

    Batch sweepBatch() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        List<Due> due = jdbc.query(
                TAKE_DUE,
                (rs, row) -> new Due(
                        AssignmentRepository.read(rs),
                        rs.getString("ticket_no"),
                        rs.getString("ticket_status"),
                        rs.getInt("ticket_version"),
                        rs.getBoolean("ticket_extended"),
                        rs.getBoolean("ticket_escalated"),
                        rs.getString("ticket_rule"),
                        rs.getString("ticket_queue")),
                at,
                batchSize);
        List<Object[]> events = new ArrayList<>();
        List<Outbox.Row> messages = new ArrayList<>();
        List<Object[]> escalated = new ArrayList<>();
        List<TargetKind> warnings = new ArrayList<>();
        List<TargetKind> breaches = new ArrayList<>();
        List<AssignmentRecord> changed = new ArrayList<>();
        for (Due item : due) {
            AssignmentRecord assignment = item.assignment();
            SweepDecision decision = SweepDecision.of(assignment.targetStates(), now);
            for (TargetState target : decision.breach()) {
                TargetTimes times = assignment.breach(target.kind(), now);
                record(item, target.kind(), times, "ESCALATED", now, events, messages);
                breaches.add(target.kind());
                messages.add(row(
                        item,
                        escalationQueue(assignment),
                        DuplicateId.breach(item.ticketNo(), assignment.seq(), target.kind()),
                        slaMessage(item, target.kind(), times, SlaMessage.TYPE_BREACH, now),
                        now,
                        SlaMessage.TYPE_BREACH));
            }
            for (TargetState target : decision.warn()) {
                TargetTimes times = assignment.warn(target.kind(), now);
                record(item, target.kind(), times, "SLA_WARNING", now, events, messages);
                warnings.add(target.kind());
                // The office (or desk) holding the ticket is warned on its own queue.
                messages.add(row(
                        item,
                        item.queue(),
                        DuplicateId.warning(item.ticketNo(), assignment.seq(), target.kind()),
                        slaMessage(item, target.kind(), times, SlaMessage.TYPE_WARNING, now),
                        now,
                        SlaMessage.TYPE_WARNING));
            }
            boolean breached = !decision.breach().isEmpty();
            changed.add(assignment);
            if (breached) {
                escalated.add(new Object[] {at, assignment.ticketId()});
            }
        }
        assignments.updateAll(changed);
        jdbc.batchUpdate(ESCALATE_TICKET, escalated);
        jdbc.batchUpdate(INSERT_EVENT, events);
        outbox.addAll(messages);
        return new Batch(due.size(), warnings, breaches);
    }

    private void record(
            Due item,
            TargetKind kind,
            TargetTimes target,
            String type,
            Instant now,
            List<Object[]> events,
            List<Outbox.Row> messages) {
        AssignmentRecord a = item.assignment();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("target", kind.name());
        data.put("dueAt", target.dueAt().toString());
        String reason =
                kind + (type.equals("ESCALATED") ? " deadline passed at " : " deadline near: due ") + target.dueAt();
        Timestamp at = Timestamp.from(now);
        events.add(
                new Object[] {a.ticketId(), type, item.ticketStatus(), reason, at, json.write(data), a.code(), a.seq()
                });
        boolean escalatedNow = type.equals("ESCALATED");
        TicketUpdate update = new TicketUpdate(
                TicketUpdate.SCHEMA_VERSION,
                TicketUpdate.TYPE,
                item.ticketNo(),
                item.ticketVersion(),
                type,
                item.ticketStatus(),
                item.ticketStatus(),
                now,
                view(item),
                item.queue(),
                item.extended(),
                escalatedNow || item.escalated(),
                null);
        messages.add(row(
                item,
                OutboxMessage.topic(TicketUpdate.ADDRESS),
                DuplicateId.slaUpdate(item.ticketNo(), a.seq(), kind, type),
                json.write(update),
                now,
                TicketUpdate.TYPE));
    }

    /** An SLA message never dispatches a ticket. */
    private static Outbox.Row row(
            Due item, String destination, DuplicateId id, String payload, Instant now, String messageType) {
        AssignmentRecord a = item.assignment();
        return new Outbox.Row(
                a.ticketId(),
                new OutboxMessage(
                        item.ticketNo(),
                        item.ticketVersion(),
                        destination,
                        id,
                        a.priority().jmsPriority(),
                        payload,
                        false,
                        messageType,
                        now));
    }

    /** Breaches go to the district's supervisors; a city desk's to escalations.city. */
    static String escalationQueue(AssignmentRecord assignment) {
        return "escalations." + (assignment.districtCode() == null ? Assignment.CITY_CODE : assignment.districtCode());
    }

    private String slaMessage(Due item, TargetKind kind, TargetTimes target, String type, Instant now) {
        AssignmentRecord a = item.assignment();
        Instant breachedAt = type.equals(SlaMessage.TYPE_BREACH) ? now : null;
        return json.write(new SlaMessage(
                SlaMessage.SCHEMA_VERSION,
                type,
                item.ticketNo(),
                kind.name(),
                a.startedAt(),
                target.dueAt(),
                breachedAt,
                a.priority().name(),
                a.primaryNeed().name(),
                view(item),
                a.districtCode(),
                Map.of("self", TicketLinks.self(item.ticketNo()))));
    }

    private static AssignmentView view(Due item) {
        AssignmentRecord a = item.assignment();
        return AssignmentView.of(
                new Assignment(a.level(), a.code(), a.name(), ResolutionRule.valueOf(item.rule()), null));
    }

    record Batch(int taken, List<TargetKind> warnings, List<TargetKind> breaches) {

        int recorded() {
            return warnings.size() + breaches.size();
        }
    }

    private record Due(
            AssignmentRecord assignment,
            String ticketNo,
            String ticketStatus,
            int ticketVersion,
            boolean extended,
            boolean escalated,
            String rule,
            String queue) {}
}
