package hotline.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.Classification;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.dispatch.TicketMessage;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.JurisdictionResolver;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.TicketLinks;
import hotline.gateway.ticket.TicketNumbers;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.ticket.TicketSummary;
import hotline.gateway.workflow.AssignmentDeadlines;
import hotline.gateway.workflow.AssignmentRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a service request into a ticket: classifies its needs, assesses the household against the assistance
 * criteria of the day it was received, decides its priority, resolves the responsible
 * office and stores request, ticket, first event and outbox message together. A request seen before (same source
 * and external id) gets its existing ticket back if the body is the same, and a conflict if it is not.
 */
public class IntakeService {

    private final NeedClassifier classifier;
    private final Assessor assessor;
    private final JurisdictionResolver resolver;
    private final TicketNumbers ticketNumbers;
    private final IntakeRepository repository;
    private final ObjectMapper json;
    private final AssignmentDeadlines deadlines;
    private final Clock clock;
    private final CallParser callParser = new CallParser();
    private final ReportParser reportParser = new ReportParser();

    public IntakeService(
            NeedClassifier classifier,
            Assessor assessor,
            JurisdictionResolver resolver,
            TicketNumbers ticketNumbers,
            IntakeRepository repository,
            AssignmentDeadlines deadlines,
            ObjectMapper json,
            Clock clock) {
        this.classifier = classifier;
        this.assessor = assessor;
        this.resolver = resolver;
        this.ticketNumbers = ticketNumbers;
        this.repository = repository;
        this.json = json;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A hotline call record as posted to /calls. */
    public IntakeOutcome acceptCall(JsonNode body) {
        return accept(callParser.parse(body), "callId");
    }

    /** A community centre report as posted to /reports or read from a batch row. */
    public IntakeOutcome acceptReport(JsonNode body) {
        return accept(reportParser.parse(body), "reportId");
    }

    /**
     * @param idField the client's name of the id field (callId, reportId), for the conflict message
     */
    public IntakeOutcome accept(ServiceRequest request, String idField) {
        byte[] hash = fingerprint(request);
        NewTicket ticket = decide(request, hash);
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
        IntakeRepository.StoredTicket stored = repository
                .findByExternalId(request.source(), request.externalId())
                .orElseThrow(() -> new IllegalStateException("request conflicted but is not stored"));
        if (!Arrays.equals(stored.requestHash(), hash)) {
            throw new IdempotencyConflictException(request.source(), idField, request.externalId());
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

    private NewTicket decide(ServiceRequest request, byte[] hash) {
        Classification classification = classifier.classify(request.classificationText());
        Assessment assessment = assess(request, classification);
        boolean urgent =
                classification.urgent() || request.flaggedUrgent() || (assessment != null && assessment.urgent());
        Priority priority = urgent ? Priority.URGENT : Priority.NORMAL;
        NeedsView needs = new NeedsView(
                classification.primary().name(),
                classification.all().stream().map(NeedCode::name).toList(),
                classification.confidence(),
                classification.evidence());
        Map<String, Object> urgency = new LinkedHashMap<>();
        urgency.put("urgent", urgent);
        urgency.put("evidence", urgencyEvidence(classification, assessment));
        urgency.put("flaggedBySender", request.flaggedUrgent());

        Assignment assignment = resolver.resolve(request.locationOrEmpty().hints());
        String ticketNo = ticketNumbers.next();
        Instant now = clock.instant();
        TicketMessage message = new TicketMessage(
                TicketMessage.SCHEMA_VERSION,
                TicketMessage.TYPE_DISPATCH,
                ticketNo,
                1,
                request.source().name(),
                request.externalId(),
                request.receivedAt(),
                now,
                priority.name(),
                needs,
                AssignmentView.of(assignment),
                request.content(),
                request.findings(),
                request.subject(),
                request.location(),
                request.household(),
                request.details(),
                Map.of("self", TicketLinks.self(ticketNo)),
                assessment);
        AssignmentRecord first = new AssignmentRecord(
                0,
                1,
                assignment.level(),
                assignment.code(),
                assignment.name(),
                assignment.districtCode(),
                priority.name(),
                needs.primary(),
                "INTAKE",
                request.receivedAt().toInstant(),
                now,
                deadlines.of(assignment, priority.name(), needs.primary(), now));
        return new NewTicket(
                request,
                hash,
                ticketNo,
                priority,
                needs,
                write(urgency),
                assignment,
                first,
                write(message),
                now,
                assessment);
    }

    /** The programs the household may qualify for, under the day it was received; null when no program serves. */
    private Assessment assess(ServiceRequest request, Classification classification) {
        Assessment assessment =
                assessor.assess(classification.all(), CriteriaFacts.of(request.household()), request.receivedAt());
        return assessment.hasPrograms() ? assessment : null;
    }

    /** The text's urgency terms, then why a program asks for action today. */
    private static List<String> urgencyEvidence(Classification classification, Assessment assessment) {
        List<String> evidence = new ArrayList<>(classification.urgencyEvidence());
        if (assessment != null) {
            evidence.addAll(assessment.urgencyReasons());
        }
        return evidence;
    }

    /** SHA-256 of the request as parsed: key order, spacing and defaults of the client's JSON do not matter. */
    private byte[] fingerprint(ServiceRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
