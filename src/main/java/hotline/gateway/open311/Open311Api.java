package hotline.gateway.open311;

import hotline.gateway.intake.IdempotencyConflictException;
import hotline.gateway.intake.IntakeOutcome;
import hotline.gateway.intake.IntakeService;
import hotline.gateway.ticket.TicketNotFoundException;
import hotline.gateway.ticket.TicketSummary;
import hotline.gateway.validation.HttpProblemException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 on the gateway: the service catalogue, POST requests through the same intake as calls and
 * reports (classification, criteria, jurisdiction, SLA, outbox) with the need its service_code chose, and the public
 * view of the requests that came in this way. Who may call which method is the web adapter's business.
 */
public class Open311Api {

    private final ServiceCatalogue catalogue;
    private final IntakeService intake;
    private final Open311Repository repository;
    private final Discovery discovery;
    private final SubmissionParser parser;
    private final PublicViews views;
    private final Clock clock;

    public Open311Api(
            ServiceCatalogue catalogue,
            IntakeService intake,
            Open311Repository repository,
            Discovery discovery,
            Clock clock,
            ZoneId zone) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.repository = repository;
        this.discovery = discovery;
        this.parser = new SubmissionParser(catalogue, clock, zone);
        this.views = new PublicViews(catalogue, zone);
        this.clock = clock;
    }

    public Discovery discovery() {
        return discovery;
    }

    public List<Open311Service> services() {
        return catalogue.services();
    }

    public ServiceDefinition service(String code) {
        return catalogue.definition(code);
    }

    /**
     * POST requests: a ticket, or the ticket of the same request sent before (same client_request_id, same fields);
     * the same client_request_id with other fields is a conflict (IdempotencyConflictException).
     *
     * @param clientId the API client of the api_key
     */
    public PostedRequest post(Map<String, List<String>> fields, String clientId) {
        Submission submission = parser.parse(fields, clientId);
        IntakeOutcome outcome;
        try {
            outcome = intake.store(intake.decideWithNeed(submission.request(), submission.need(), submission.hash()));
        } catch (IdempotencyConflictException conflict) {
            throw new HttpProblemException(
                    409,
                    "Conflict",
                    "attribute[client_request_id]",
                    "was sent before with other fields; the request sent first stands");
        }
        TicketSummary ticket = outcome.ticket();
        String office = ticket.assignedTo() == null ? null : ticket.assignedTo().name();
        String due = ticket.sla() == null ? null : views.format(ticket.sla().resolveBy());
        String notice = "工单" + ticket.ticketNo() + "已派至" + office + (due == null ? "" : "，预计" + due + "前办结")
                + " / Ticket " + ticket.ticketNo() + " is with " + office
                + (due == null ? "" : "; expected to be resolved by " + due);
        return new PostedRequest(
                ticket.ticketNo(), notice, submission.request().details().get("accountId"), outcome.created());
    }

    /** GET requests. */
    public List<RequestView> requests(Map<String, List<String>> fields) {
        return repository.find(RequestQuery.parse(fields, catalogue, clock.instant())).stream()
                .map(views::of)
                .toList();
    }

    /** GET requests/{id}: a list of one, as GeoReport v2 answers; 404 for a ticket that did not come in over Open311. */
    public List<RequestView> request(String ticketNo) {
        return List.of(
                repository.find(ticketNo).map(views::of).orElseThrow(() -> new TicketNotFoundException(ticketNo)));
    }

    /**
     * GET tokens/{token}: a client's own request id (its attribute[client_request_id]) → the service_request_id. A
     * client finds its own requests only.
     */
    public List<TokenView> token(String token, String clientId) {
        String ticketNo = repository
                .ticketNoOf(clientId + ":" + token)
                .orElseThrow(() -> new HttpProblemException(
                        404, "Not found", "token", "no request of this client under token " + shorten(token)));
        return List.of(new TokenView(ticketNo, token));
    }

    private static String shorten(String token) {
        return token.length() > 64 ? token.substring(0, 64) + "…" : token;
    }
}
