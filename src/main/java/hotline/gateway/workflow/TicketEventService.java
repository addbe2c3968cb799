package hotline.gateway.workflow;

import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.assignment.DispatchDeadlines;
import hotline.gateway.assignment.TargetKind;
import hotline.gateway.assignment.TargetTimes;
import hotline.gateway.dispatch.DuplicateId;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.dispatch.OutboxMessage;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.jurisdiction.District;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.jurisdiction.ResolutionRule;
import hotline.gateway.jurisdiction.Town;
import hotline.gateway.privacy.PersonalData;
import hotline.gateway.security.Actor;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.TicketNotFoundException;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.ticket.message.TicketMessage;
import hotline.gateway.ticket.message.TicketUpdate;
import hotline.gateway.validation.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an office's event to its ticket in one database transaction: the ticket is locked, the event checked
 * against the sender's rights and the state machine, the current assignment and its SLA targets updated (a new
 * assignment started for a return, a reassignment or a reopening), the event appended, and the messages it causes
 * (the ticket to its new office, the change to ticket-updates) written to the outbox.
 */
public class TicketEventService {

    private final TicketEventRepository tickets;
    private final AssignmentRepository assignments;
    private final AssignmentDeadlines deadlines;
    private final JurisdictionDirectory directory;
    private final Redispatch redispatch;
    private final Outbox outbox;
    private final NeedCorrections corrections;
    private final TransactionTemplate transaction;
    private final Json json;
    private final Clock clock;
    private final TicketWorkflow workflow = new TicketWorkflow();

    public TicketEventService(
            TicketEventRepository tickets,
            AssignmentRepository assignments,
            AssignmentDeadlines deadlines,
            JurisdictionDirectory directory,
            Redispatch redispatch,
            Outbox outbox,
            NeedCorrections corrections,
            TransactionTemplate transaction,
            Json json,
            Clock clock) {
        this.tickets = tickets;
        this.assignments = assignments;
        this.deadlines = deadlines;
        this.directory = directory;
        this.redispatch = redispatch;
        this.outbox = outbox;
        this.corrections = corrections;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param actor the authenticated sender: an office's user acts for its office (a body naming another is
     *              refused); a system user acts for the office the body names, which it must
     * @return true when the event was applied now; false when it had been applied before (same eventId)
     */
    public boolean apply(String ticketNo, OfficeEvent event, Actor actor) {
        return applyEvent(ticketNo, event, actor).recorded();
    }

    /** As {@link #apply}, with the ticket's status and version after the event, read in the event's transaction. */
    public Applied applyEvent(String ticketNo, OfficeEvent event, Actor actor) {
        return transaction.execute(status -> applyLocked(ticketNo, event, actor));
    }

    /**
     * What became of an event.
     *
     * @param recorded true when applied now; false when it had been applied before (same eventId)
     */
    public record Applied(boolean recorded, TicketStatus status, int version) {}

    private Applied applyLocked(String ticketNo, OfficeEvent event, Actor actor) {
        TicketRecord ticket = tickets.lock(ticketNo).orElseThrow(() -> new TicketNotFoundException(ticketNo));
        byte[] hash = json.fingerprint(event);
        Optional<TicketEventRepository.RecordedEvent> recorded = tickets.recorded(ticket.id, event.eventId());
        if (recorded.isPresent()) {
            // The same event again (a retry) from the same office; anything else reusing the id is refused.
            if (!Arrays.equals(recorded.get().hash(), hash)) {
                throw new EventIdConflictException(event.eventId());
            }
            if (!actor.system() && !actor.office().value().equals(recorded.get().office())) {
                throw new OfficeNotPermittedException(actor.office().value(), event.type(), ticketNo);
            }
            return new Applied(false, ticket.status, ticket.version);
        }
        OfficeCode office = actingOffice(event, actor, ticketNo);
        if (!OfficeRights.mayAct(office, event.type(), ticket.assignment, ticket.district)) {
            throw new OfficeNotPermittedException(office.value(), event.type(), ticketNo);
        }
        AssignmentRecord current = assignments
                .lock(ticket.id, ticket.assignmentSeq)
                .orElseThrow(() -> new IllegalStateException("ticket " + ticketNo + " has no current assignment"));
        TicketState state = new TicketState(
                ticket.status,
                ticket.assignment.level(),
                current.extensionPendingDays() != null,
                current.callbackResult() != null,
                ticket.reopened);
        Transition transition = workflow.decide(state, event);

        Instant now = clock.instant();
        TicketStatus previous = ticket.status;
        ticket.status = transition.next();
        Map<String, Object> data = new LinkedHashMap<>();
        AssignmentRecord next = applyEffect(transition.effect(), event, ticket, current, now, data);
        assignments.update(current);
        if (next != null) {
            ticket.version++;
            ticket.assignmentSeq = next.seq();
            assignments.insert(next);
        }
        tickets.update(ticket, now);

        if (event.note() != null) {
            data.put("note", event.note());
        }
        if (event.occurredAt() != null) {
            data.put("reportedOccurredAt", event.occurredAt().toString());
        }
        String reason = event.reason() != null ? event.reason() : event.result();
        long eventRowId = tickets.insertEvent(
                ticket.id,
                event.type().name(),
                ticket.status,
                event.actor(),
                reason,
                now,
                json.write(data),
                event.eventId(),
                hash,
                office.value(),
                current.seq());
        int jmsPriority = ticket.priority.jmsPriority();
        if (next != null) {
            boolean returned = transition.effect() == Transition.Effect.RETURNED_TO_DESK;
            String code = returned ? event.reasonCode().name() : null;
            String detail = returned ? event.reason() : null;
            // A reassigned ticket is CREATED again: the relay announces its dispatch. A return or a reopening keeps
            // its own status.
            outbox.add(
                    ticket.id,
                    new OutboxMessage(
                            ticket.ticketNo,
                            ticket.version,
                            ticket.assignment.queue(),
                            DuplicateId.dispatch(ticket.ticketNo, ticket.version),
                            jmsPriority,
                            redispatch.message(
                                    ticket, next.cause(), code, detail, DispatchDeadlines.of(next.targets()), now),
                            ticket.status == TicketStatus.CREATED,
                            TicketMessage.TYPE_DISPATCH,
                            now));
        }
        // The result is for the hotline's callback; phone and resident ID numbers in the office's text are masked.
        publishUpdate(
                ticket,
                event.type().name(),
                previous,
                now,
                eventRowId,
                event.type() == OfficeEventType.RESOLVE ? PersonalData.maskText(event.result()) : null);
        return new Applied(true, ticket.status, ticket.version);
    }

    /** Writes the change to ticket-updates through the outbox, in the event's transaction. */
    private void publishUpdate(
            TicketRecord ticket, String eventType, TicketStatus previous, Instant now, long eventRowId, String result) {
        TicketUpdate update = new TicketUpdate(
                TicketUpdate.SCHEMA_VERSION,
                TicketUpdate.TYPE,
                ticket.ticketNo,
                ticket.version,
                eventType,
                ticket.status.name(),
                previous.name(),
                now,
                AssignmentView.of(ticket.assignment),
                ticket.assignment.queue(),
                ticket.extended,
                ticket.escalated,
                result);
        outbox.add(
                ticket.id,
                new OutboxMessage(
                        ticket.ticketNo,
                        ticket.version,
                        OutboxMessage.topic(TicketUpdate.ADDRESS),
                        DuplicateId.update(ticket.ticketNo, eventRowId),
                        ticket.priority.jmsPriority(),
                        json.write(update),
                        false,
                        TicketUpdate.TYPE,
                        now));
    }

    private AssignmentRecord applyEffect(
            Transition.Effect effect,
            OfficeEvent event,
            TicketRecord ticket,
            AssignmentRecord current,
            Instant now,
            Map<String, Object> data) {
        switch (effect) {
            case SIGNED -> current.meet(TargetKind.SIGN, now, deadlines);
            case CONTACTED -> current.meet(TargetKind.CONTACT, now, deadlines);
            case RESOLVED -> {
                current.meet(TargetKind.CONTACT, now, deadlines);
                current.meet(TargetKind.RESOLVE, now, deadlines);
                if (event.outcome() != null) {
                    data.put("outcome", event.outcome().name());
                }
            }
            case RETURNED_TO_DESK -> {
                current.returned(event.reasonCode(), event.reason(), now);
                data.put("reasonCode", event.reasonCode().name());
                return moveTo(ticket, current, deskAbove(ticket), "RETURN", now);
            }
            case RECLASSIFIED -> corrections.apply(ticket, current, event.need(), event.actor(), now, data);
            case REASSIGNED -> {
                if (event.need() != null) {
                    corrections.apply(ticket, current, event.need(), event.actor(), now, data);
                }
                current.reassigned(now, deadlines);
                Assignment target = reassignmentTarget(event, ticket);
                data.put("assignedTo", target.code());
                return moveTo(ticket, current, target, "REASSIGN", now);
            }
            case EXTENSION_REQUESTED -> {
                current.requestExtension(event.days());
                data.put("days", event.days());
            }
            case EXTENSION_APPROVED -> {
                current.approveExtension(event.days(), deadlines).ifPresent(extension -> {
                    data.put("grantedDays", extension.grantedDays());
                    data.put("resolveBy", extension.resolve().dueAt().toString());
                    if (extension.capped()) {
                        data.put("capped", true);
                    }
                });
                ticket.extended = true;
            }
            case EXTENSION_REJECTED -> current.rejectExtension();
            case CALLBACK_RECORDED -> recordCallback(event, current, now, data);
            case REOPENED -> {
                recordCallback(event, current, now, data);
                current.end(now, "REOPENED");
                ticket.reopened++;
                return moveTo(ticket, current, ticket.assignment, "REOPEN", now);
            }
            case CLOSED -> current.end(now, "CLOSED");
            case NOTE -> {}
        }
        return null;
    }

    private static void recordCallback(
            OfficeEvent event, AssignmentRecord current, Instant now, Map<String, Object> data) {
        current.recordCallback(event.satisfaction().name(), now);
        data.put("satisfaction", event.satisfaction().name());
    }

    /** Starts the ticket's next assignment, with the targets of an office or a desk. */
    private AssignmentRecord moveTo(
            TicketRecord ticket, AssignmentRecord current, Assignment target, String cause, Instant now) {
        ticket.assignment = target;
        ticket.district = target.districtCode();
        Map<TargetKind, TargetTimes> targets = cause.equals("REOPEN")
                ? deadlines.reopened(ticket.priority, ticket.primaryNeed, now)
                : deadlines.of(target, ticket.priority, ticket.primaryNeed, now);
        return new AssignmentRecord(
                ticket.id,
                ticket.assignmentSeq + 1,
                target.level(),
                target.code(),
                target.name(),
                ticket.district,
                ticket.priority,
                ticket.primaryNeed,
                cause,
                current.receivedAt(),
                now,
                targets);
    }

    /** A town office returns to its district's desk; a district desk passes the ticket to the city desk. */
    private Assignment deskAbove(TicketRecord ticket) {
        if (ticket.assignment.level() == AssignmentLevel.TOWN) {
            District district = directory.town(ticket.assignment.code()).district();
            return Assignment.districtDesk(district, ResolutionRule.RETURNED_BY_OFFICE, null);
        }
        return Assignment.cityDesk(ResolutionRule.RETURNED_BY_OFFICE, null);
    }

    /** A district desk reassigns within its district; the city desk to any town or district desk. */
    private Assignment reassignmentTarget(OfficeEvent event, TicketRecord ticket) {
        boolean cityDesk = ticket.assignment.level() == AssignmentLevel.CITY_DESK;
        if (event.townCode() != null) {
            Town town = directory.town(event.townCode());
            if (town == null) {
                throw InvalidInputException.of("townCode", "is not a known town code");
            }
            if (!cityDesk && !town.district().code().equals(ticket.assignment.code())) {
                throw InvalidInputException.of(
                        "townCode",
                        "is not in district " + ticket.assignment.code() + "; return the ticket to the city desk");
            }
            return Assignment.town(town, ResolutionRule.REASSIGNED_BY_DESK);
        }
        District district = directory.districtByCode(event.districtCode());
        if (district == null) {
            throw InvalidInputException.of("districtCode", "is not a known district code");
        }
        if (!cityDesk) {
            throw InvalidInputException.of("districtCode", "only the city desk reassigns to a district desk");
        }
        return Assignment.districtDesk(district, ResolutionRule.REASSIGNED_BY_DESK, null);
    }

    private static OfficeCode actingOffice(OfficeEvent event, Actor actor, String ticketNo) {
        if (actor.system()) {
            if (event.office() == null) {
                throw InvalidInputException.of(
                        "office", "is required when a system user sends an event: the office it acts for");
            }
            return event.office();
        }
        if (event.office() != null && !event.office().equals(actor.office())) {
            throw new OfficeNotPermittedException(
                    actor.office() + " (named " + event.office() + ")", event.type(), ticketNo);
        }
        return actor.office();
    }
}
