package hotline.gateway.reporting;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes tickets into service_request, ticket, ticket_assignment and ticket_event as the office workflow and the SLA
 * sweep write them (see the V2 migration): one row per assignment with its targets, and the events that made them.
 * Times are given as "MM-dd HH:mm" in 2025, Asia/Shanghai.
 */
final class SlaFixtureBuilder {

    record Office(String level, String code, String name, String district) {}

    record Target(OffsetDateTime due, OffsetDateTime met, OffsetDateTime breached, Integer workingMinutes) {}

    static final class AssignmentSpec {
        final Office office;
        final String cause;
        final OffsetDateTime started;
        final Map<String, Target> targets = new LinkedHashMap<>();
        OffsetDateTime ended;
        String endCause;
        String returnReasonCode;
        String returnReason;
        int extensionsApproved;
        int extensionsRejected;
        int extensionDays;
        String callback;
        OffsetDateTime callbackAt;

        AssignmentSpec(Office office, String cause, OffsetDateTime started) {
            this.office = office;
            this.cause = cause;
            this.started = started;
        }
    }

    static final class TicketSpec {
        final String key;
        final OffsetDateTime received;
        final String need;
        String priority = "NORMAL";
        String status;
        final List<AssignmentSpec> assignments = new ArrayList<>();

        TicketSpec(String key, OffsetDateTime received, String need, String status) {
            this.key = key;
            this.received = received;
            this.need = need;
            this.status = status;
        }

        TicketSpec urgent() {
            priority = "URGENT";
            return this;
        }

        AssignmentSpec last() {
            return assignments.get(assignments.size() - 1);
        }

        TicketSpec assigned(Office office, String cause, String started) {
            assignments.add(new AssignmentSpec(office, cause, at(started)));
            return this;
        }

        /** A target of the last assignment: its deadline, when it was met and when breached (null: not), minutes. */
        TicketSpec target(String kind, String due, String met, String breached, Integer workingMinutes) {
            last().targets.put(kind, new Target(at(due), at(met), at(breached), workingMinutes));
            return this;
        }

        TicketSpec extensions(int approved, int rejected, int days) {
            last().extensionsApproved = approved;
            last().extensionsRejected = rejected;
            last().extensionDays = days;
            return this;
        }

        TicketSpec callback(String result, String when) {
            last().callback = result;
            last().callbackAt = at(when);
            return this;
        }

        TicketSpec ended(String when, String cause) {
            last().ended = at(when);
            last().endCause = cause;
            return this;
        }

        /** The last assignment ended by a return, with its reason code and the office's words. */
        TicketSpec returned(String when, String code, String reason) {
            ended(when, "RETURNED");
            last().returnReasonCode = code;
            last().returnReason = reason;
            return this;
        }
    }

    private final JdbcTemplate jdbc;

    SlaFixtureBuilder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static TicketSpec ticket(String key, OffsetDateTime received, String need, String status) {
        return new TicketSpec(key, received, need, status);
    }

    /** "MM-dd HH:mm" in 2025 at +08:00; null stays null. */
    static OffsetDateTime at(String monthDayTime) {
        return monthDayTime == null
                ? null
                : OffsetDateTime.parse("2025-" + monthDayTime.replace(' ', 'T') + ":00+08:00");
    }

    void insert(TicketSpec spec) {
        OffsetDateTime created = spec.received.plusMinutes(1);
        long requestId = jdbc.queryForObject(
                """
                INSERT INTO service_request (source, external_id, body_hash, received_at, channel, content, created_at)
                VALUES ('HOTLINE', ?, ?, ?, 'PHONE', ?, ?) RETURNING id
                """,
                Long.class,
                "SLA-FIXTURE-" + spec.key,
                spec.key.getBytes(StandardCharsets.UTF_8),
                ts(spec.received),
                "SLA report fixture " + spec.key,
                ts(created));
        AssignmentSpec first = spec.assignments.get(0);
        AssignmentSpec current = spec.last();
        boolean escalated = spec.assignments.stream()
                .flatMap(a -> a.targets.values().stream())
                .anyMatch(target -> target.breached() != null);
        boolean extended = spec.assignments.stream().anyMatch(a -> a.extensionsApproved > 0);
        int reopened = (int)
                spec.assignments.stream().filter(a -> a.cause.equals("REOPEN")).count();
        OffsetDateTime updated = events(spec).stream()
                .map(Event::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        long ticketId = jdbc.queryForObject(
                """
                INSERT INTO ticket (ticket_no, request_id, status, extended, escalated, priority, primary_need, needs,
                                    urgency, assigned_level, assigned_code, assigned_name, assigned_rule, queue,
                                    created_at, updated_at, assignment_seq, assigned_district, reopened)
                VALUES (?, ?, ?, ?, ?, ?, ?, jsonb_build_object('primary', ?::text), '{}'::jsonb, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?)
                RETURNING id
                """,
                Long.class,
                "SLA-" + spec.key,
                requestId,
                spec.status,
                extended,
                escalated,
                spec.priority,
                spec.need,
                spec.need,
                current.office.level(),
                current.office.code(),
                current.office.name(),
                first.office.level().equals("TOWN") ? "TOWN_CODE" : "DISTRICT_ONLY",
                queue(current.office),
                ts(created),
                ts(updated),
                spec.assignments.size(),
                current.office.district(),
                reopened);
        for (int i = 0; i < spec.assignments.size(); i++) {
            insertAssignment(ticketId, i + 1, spec, spec.assignments.get(i));
        }
        for (Event event : events(spec)) {
            jdbc.update(
                    """
                    INSERT INTO ticket_event (ticket_id, type, status, actor, reason, occurred_at, data, office_code,
                                              assignment_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                    """,
                    ticketId,
                    event.type(),
                    event.status(),
                    event.actor(),
                    event.reason(),
                    ts(event.at()),
                    event.data(),
                    event.office(),
                    event.seq());
        }
    }

    private void insertAssignment(long ticketId, int seq, TicketSpec spec, AssignmentSpec a) {
        List<Object> values = new ArrayList<>(List.of(
                ticketId,
                seq,
                a.office.level(),
                a.office.code(),
                a.office.name(),
                spec.priority,
                spec.need,
                a.cause,
                ts(spec.received),
                ts(a.started)));
        values.add(ts(a.ended));
        values.add(a.endCause);
        values.add(a.returnReasonCode);
        values.add(a.returnReason);
        for (String kind : List.of("SIGN", "CONTACT", "RESOLVE", "REASSIGN")) {
            Target target = a.targets.get(kind);
            values.add(target == null ? null : ts(target.due()));
            values.add(target == null ? null : ts(target.met()));
            values.add(target == null ? null : ts(target.breached()));
            values.add(target == null ? null : target.workingMinutes());
        }
        values.addAll(java.util.Arrays.asList(
                a.extensionsApproved,
                a.extensionsRejected,
                a.extensionDays,
                a.callback,
                ts(a.callbackAt),
                a.office.district()));
        jdbc.update("""
                INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, priority, primary_need, cause,
                    received_at, started_at, ended_at, end_cause, return_reason_code, return_reason,
                    sign_due_at, sign_met_at, sign_breached_at, sign_working_minutes,
                    contact_due_at, contact_met_at, contact_breached_at, contact_working_minutes,
                    resolve_due_at, resolve_met_at, resolve_breached_at, resolve_working_minutes,
                    reassign_due_at, reassign_met_at, reassign_breached_at, reassign_working_minutes,
                    extensions_approved, extensions_rejected, extension_days, callback_result, callback_at,
                    district_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?)
                """, values.toArray());
    }

    record Event(
            OffsetDateTime at,
            String type,
            String status,
            String actor,
            String reason,
            String data,
            String office,
            Integer seq) {}

    /** The events the workflow would have appended for these assignments, in time order. */
    static List<Event> events(TicketSpec spec) {
        List<Event> events = new ArrayList<>();
        OffsetDateTime created = spec.received.plusMinutes(1);
        events.add(new Event(created, "CREATED", "CREATED", "gateway", null, null, null, null));
        for (int i = 0; i < spec.assignments.size(); i++) {
            AssignmentSpec a = spec.assignments.get(i);
            int seq = i + 1;
            String office = a.office.code();
            events.add(new Event(
                    a.started.plusSeconds(1), "DISPATCHED", "DISPATCHED", "gateway", null, null, office, seq));
            met(a, "SIGN")
                    .ifPresent(at -> events.add(new Event(at, "SIGN", "SIGNED", office, null, null, office, seq)));
            met(a, "CONTACT")
                    .ifPresent(
                            at -> events.add(new Event(at, "CONTACT", "IN_PROGRESS", office, null, null, office, seq)));
            for (int e = 0; e < a.extensionsApproved + a.extensionsRejected; e++) {
                OffsetDateTime asked = a.started.plusHours(2 + e);
                boolean approved = e < a.extensionsApproved;
                events.add(new Event(asked, "EXTEND_REQUEST", "IN_PROGRESS", office, "需要协调相关部门", null, office, seq));
                events.add(new Event(
                        asked.plusMinutes(30),
                        approved ? "EXTEND_APPROVE" : "EXTEND_REJECT",
                        "IN_PROGRESS",
                        "desk",
                        null,
                        null,
                        office,
                        seq));
            }
            met(a, "REASSIGN")
                    .ifPresent(at -> events.add(new Event(at, "REASSIGN", "CREATED", office, null, null, office, seq)));
            met(a, "RESOLVE")
                    .ifPresent(at -> events.add(new Event(at, "RESOLVE", "RESOLVED", office, null, null, office, seq)));
            a.targets.forEach((kind, target) -> {
                if (target.breached() != null) {
                    events.add(new Event(
                            target.breached(),
                            "ESCALATED",
                            spec.status,
                            "sla-sweep",
                            null,
                            "{\"target\": \"" + kind + "\"}",
                            office,
                            seq));
                }
            });
            if (a.callback != null) {
                events.add(new Event(
                        a.callbackAt,
                        "CALLBACK",
                        "RESOLVED",
                        "hotline",
                        null,
                        "{\"result\": \"" + a.callback + "\"}",
                        office,
                        seq));
            }
            if ("RETURNED".equals(a.endCause)) {
                events.add(new Event(
                        a.ended,
                        "RETURN",
                        "RETURNED",
                        office,
                        a.returnReason,
                        "{\"reasonCode\": \"" + a.returnReasonCode + "\"}",
                        office,
                        seq));
            } else if ("CLOSED".equals(a.endCause)) {
                events.add(new Event(a.ended, "CLOSE", "CLOSED", "hotline", null, null, office, seq));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    private static java.util.Optional<OffsetDateTime> met(AssignmentSpec a, String kind) {
        Target target = a.targets.get(kind);
        return java.util.Optional.ofNullable(target == null ? null : target.met());
    }

    private static String queue(Office office) {
        return switch (office.level()) {
            case "TOWN" -> "tickets." + office.code();
            case "DISTRICT_DESK" -> "triage." + office.code();
            default -> "triage.city";
        };
    }

    private static Timestamp ts(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }
}
