package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.json.Json;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.TicketNumbers;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.ticket.TicketSummary;
import java.time.Clock;
import java.util.Arrays;

/**
 * Intake as the route runs it: parse the body into a service request, decide what it becomes
 * ({@link IntakeDecider}), store request, ticket, first assignment, event and dispatch message together, and answer.
 * A request seen before (same source and external id) gets its existing ticket back if the body is the same, and a
 * conflict if it is not.
 */
public class IntakeService {

    private final IntakeDecider decider;
    private final TicketNumbers ticketNumbers;
    private final IntakeRepository repository;
    private final AssignmentDeadlines deadlines;
    private final Json json;
    private final Clock clock;
    private final CallParser callParser;
    private final ReportParser reportParser;

    public IntakeService(
            IntakeDecider decider,
            TicketNumbers ticketNumbers,
            IntakeRepository repository,
            AssignmentDeadlines deadlines,
            Json json,
            Clock clock) {
        this.decider = decider;
        this.ticketNumbers = ticketNumbers;
        this.repository = repository;
        this.deadlines = deadlines;
        this.json = json;
        this.clock = clock;
        this.callParser = new CallParser(clock);
        this.reportParser = new ReportParser(clock);
    }

    /** A hotline call record as posted to /calls. */
    public ServiceRequest parseCall(JsonNode body) {
        return callParser.parse(body);
    }

    /** A community centre report as posted to /reports or read from a batch row. */
    public ServiceRequest parseReport(JsonNode body) {
        return reportParser.parse(body);
    }

    public NewTicket decide(ServiceRequest request) {
        return decider.decide(request, json.fingerprint(request), ticketNumbers.next(), clock.instant());
    }

    /** Stores the new ticket, or answers with the ticket of the same request stored before. */
    public IntakeOutcome store(NewTicket ticket) {
        if (repository.insert(ticket)) {
            return new IntakeOutcome(
                    true,
                    TicketSummary.of(
                            ticket.ticketNo(),
                            TicketStatus.CREATED.name(),
                            ticket.priority().name(),
                            ticket.needs(),
                            AssignmentView.of(ticket.assignment()),
                            deadlines.view(ticket.firstAssignment(), ticket.createdAt()),
                            ticket.assessment()));
        }
        ServiceRequest request = ticket.request();
        IntakeRepository.StoredTicket stored = repository
                .findByExternalId(request.source(), request.externalId())
                .orElseThrow(() -> new IllegalStateException("request conflicted but is not stored"));
        if (!Arrays.equals(stored.requestHash(), ticket.requestHash())) {
            throw new IdempotencyConflictException(
                    request.source(), request.source().idField(), request.externalId());
        }
        TicketSummary summary = stored.ticket();
        AssignmentRecord current = repository.assignment(stored.ticketId(), stored.assignmentSeq());
        return new IntakeOutcome(
                false,
                TicketSummary.of(
                        summary.ticketNo(),
                        summary.status(),
                        summary.priority(),
                        summary.needs(),
                        summary.assignedTo(),
                        deadlines.view(current, clock.instant()),
                        summary.assessment()));
    }

    /** Parse, decide and store in one call: a batch row's way through intake. */
    public IntakeOutcome acceptReport(JsonNode body) {
        return store(decide(parseReport(body)));
    }
}
