package hotline.gateway.intake;

import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.assignment.DispatchDeadlines;
import hotline.gateway.assignment.TargetKind;
import hotline.gateway.assignment.TargetTimes;
import hotline.gateway.classification.Classification;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.NeedJudgement;
import hotline.gateway.classification.TwoStageClassifier;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.JurisdictionResolver;
import hotline.gateway.jurisdiction.UnmatchedHint;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.CriteriaFacts;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.PublicLinks;
import hotline.gateway.ticket.message.FirstDispatch;
import hotline.gateway.ticket.message.TicketMessage;
import hotline.gateway.validation.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides what a request becomes, with no database and no broker: its needs, the assistance programs the household
 * may qualify for under the criteria of the day it was received, its priority, the responsible office, the SLA
 * targets of that office's first turn, and the message the office receives.
 */
public class IntakeDecider {

    private final TwoStageClassifier classifier;
    private final Assessor assessor;
    private final JurisdictionResolver resolver;
    private final AssignmentDeadlines deadlines;
    private final PublicLinks links;

    public IntakeDecider(
            TwoStageClassifier classifier,
            Assessor assessor,
            JurisdictionResolver resolver,
            AssignmentDeadlines deadlines,
            PublicLinks links) {
        this.classifier = classifier;
        this.assessor = assessor;
        this.resolver = resolver;
        this.deadlines = deadlines;
        this.links = links;
    }

    /**
     * @param requestHash the request's fingerprint, stored to tell a retry from a different body
     * @param ticketNo    the number the ticket will have
     * @param trackingCode the code the caller gets to follow the ticket
     * @param now         the moment of intake: the ticket's creation and the start of its first SLA clock
     */
    public NewTicket decide(
            ServiceRequest request, byte[] requestHash, String ticketNo, String trackingCode, Instant now) {
        return decide(request, null, requestHash, ticketNo, trackingCode, now);
    }

    /**
     * As {@link #decide(ServiceRequest, byte[], String, String, Instant)}, with the need the sender chose (an Open311
     * service_code): it is the primary need; the classifier still reads the text for urgency and further needs, and
     * where it read another need, that is kept in the needs' evidence ({@link ChosenNeed}).
     *
     * @param chosenNeed the sender's need; null to let the classifier decide
     */
    public NewTicket decide(
            ServiceRequest request,
            NeedCode chosenNeed,
            byte[] requestHash,
            String ticketNo,
            String trackingCode,
            Instant now) {
        NeedJudgement read = classifier.classify(request.classificationText());
        NeedJudgement judgement = chosenNeed == null ? read : ChosenNeed.apply(read, chosenNeed);
        Classification classification = judgement.classification();
        Assessment assessment = assess(request, classification);
        FirstDispatch.UrgencyFacts urgency = new FirstDispatch.UrgencyFacts(
                classification.urgent(),
                classification.urgencyEvidence(),
                assessment != null && assessment.urgent(),
                assessment == null ? List.of() : assessment.urgencyReasons(),
                request.flaggedUrgent(),
                judgement.dangerHint());
        Priority priority = urgency.priority();
        NeedsView needs = NeedsView.of(judgement);

        Assignment assignment = resolver.resolve(request.locationOrEmpty().hints());
        Map<TargetKind, TargetTimes> targets = deadlines.of(assignment, priority, needs.primary(), now);
        TicketMessage message = FirstDispatch.message(
                ticketNo,
                new FirstDispatch.Request(
                        request.source().name(),
                        request.externalId(),
                        request.receivedAt(),
                        request.content(),
                        request.findings(),
                        request.subject(),
                        request.location(),
                        request.household(),
                        request.details()),
                now,
                needs,
                AssignmentView.of(assignment),
                links.ticket(ticketNo),
                assessment,
                DispatchDeadlines.of(targets),
                urgency);
        AssignmentRecord first = new AssignmentRecord(
                0,
                1,
                assignment.level(),
                assignment.code(),
                assignment.name(),
                assignment.districtCode(),
                priority,
                needs.primary(),
                "INTAKE",
                request.receivedAt().toInstant(),
                now,
                targets);
        return new NewTicket(
                request,
                requestHash,
                ticketNo,
                priority,
                needs,
                FirstDispatch.urgencyRecord(urgency),
                assignment,
                first,
                message,
                now,
                assessment,
                trackingCode,
                warnings(request));
    }

    /** The request's malformed location hints, then those that matched nothing the directory knows. */
    private List<FieldError> warnings(ServiceRequest request) {
        List<FieldError> warnings = new ArrayList<>(request.warnings());
        for (UnmatchedHint hint : resolver.unmatched(request.locationOrEmpty().hints())) {
            warnings.add(new FieldError("location." + hint.hint(), hint.message()));
        }
        return warnings;
    }

    /** The programs the household may qualify for, under the day it was received; null when no program serves. */
    private Assessment assess(ServiceRequest request, Classification classification) {
        Assessment assessment =
                assessor.assess(classification.all(), CriteriaFacts.of(request.household()), request.receivedAt());
        return assessment.hasPrograms() ? assessment : null;
    }
}
