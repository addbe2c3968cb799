package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.json.Json;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.TicketNumbers;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.ticket.TicketSummary;
import hotline.gateway.ticket.TrackingCodes;
import hotline.gateway.validation.HttpProblemException;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Consumer;

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
    private final Consumer<NewTicket> created;

    public IntakeService(
            IntakeDecider decider,
            TicketNumbers ticketNumbers,
            IntakeRepository repository,
            AssignmentDeadlines deadlines,
            Json json,
            Clock clock) {
        this(decider, ticketNumbers, repository, deadlines, json, clock, ticket -> {});
    }

    /** @param created told of every ticket stored (metrics), after its transaction committed */
    public IntakeService(
            IntakeDecider decider,
            TicketNumbers ticketNumbers,
            IntakeRepository repository,
            AssignmentDeadlines deadlines,
            Json json,
            Clock clock,
            Consumer<NewTicket> created) {
        this.created = created;
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

    /**
     * A community centre report as posted to /reports or read from a batch row.
     *
     * @param centre the centre the sender speaks for (a centre's credentials, an inbox folder): the report's centreId
     *     must be that one, else 403 naming centreId; null when the sender may post for any centre (an operator)
     */
    public ServiceRequest parseReport(JsonNode body, String centre) {
        ServiceRequest request = reportParser.parse(body);
        String centreId = request.details().get("centreId");
        if (centre != null && !centre.equals(centreId)) {
            throw new HttpProblemException(
                    403,
                    "Forbidden",
                    "centreId",
                    "is " + centreId + ", but the sender speaks for centre " + centre + " only");
        }
        return request;
    }

    public NewTicket decide(ServiceRequest request) {
        return decider.decide(
                request, json.fingerprint(request), ticketNumbers.next(), TrackingCodes.generate(), clock.instant());
    }

    /**
     * A request whose sender chose its need (an Open311 service_code) and fingerprinted it itself (what it sent, not
     * the time it was received, so that a retry has the same fingerprint). Not an overload of decide: the routes call
     * decide by name, and Camel's bean binding would find two.
     */
    public NewTicket decideWithNeed(ServiceRequest request, NeedCode chosenNeed, byte[] requestHash) {
        return decider.decide(
                request, chosenNeed, requestHash, ticketNumbers.next(), TrackingCodes.generate(), clock.instant());
    }

    /** Stores the new ticket, or answers with the ticket of the same request stored before. */
    public IntakeOutcome store(NewTicket ticket) {
        if (repository.insert(ticket)) {
            created.accept(ticket);
            return new IntakeOutcome(
                    true,
                    TicketSummary.of(
                            ticket.ticketNo(),
                            ticket.trackingCode(),
                            TicketStatus.CREATED.name(),
                            ticket.priority().name(),
                            ticket.needs(),
                            AssignmentView.of(ticket.assignment()),
                            deadlines.view(ticket.firstAssignment(), ticket.createdAt()),
                            ticket.assessment()),
                    ticket.warnings());
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
                        summary.trackingCode(),
                        summary.status(),
                        summary.priority(),
                        summary.needs(),
                        summary.assignedTo(),
                        deadlines.view(current, clock.instant()),
                        summary.assessment()),
                ticket.warnings());
    }

    /** Parse, decide and store in one call: a batch row's way through intake (centre as for parseReport). */
    public IntakeOutcome acceptReport(JsonNode body, String centre) {
        return store(decide(parseReport(body, centre)));
    }
}
