package hotline.gateway.ticket.message;

import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Person;
import hotline.gateway.ticket.Priority;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a new ticket's first dispatch message and its stored urgency record are made, for a call or report
 * (intake) and for a visit found by data matching (outreach) alike, so the two kinds of ticket cannot drift apart.
 */
public final class FirstDispatch {

    private FirstDispatch() {}

    /** What a request says of itself: where it came from, its text, the person, the place and the household. */
    public record Request(
            String source,
            String externalId,
            OffsetDateTime receivedAt,
            String content,
            String findings,
            Person contact,
            Location location,
            Household household,
            Map<String, String> details) {}

    /**
     * Why a ticket is urgent, or that it is not.
     *
     * @param byTerms      the text's danger terms made it urgent
     * @param terms        the danger taxonomy's terms found in the text
     * @param byAssessment an assistance program asks for action today
     * @param reasons      that program's reasons
     * @param dangerHint   the model's hint, kept only when no rule made the ticket urgent (it never decides)
     */
    public record UrgencyFacts(
            boolean byTerms,
            List<String> terms,
            boolean byAssessment,
            List<String> reasons,
            boolean flaggedBySender,
            DangerScore dangerHint) {

        /** Nothing makes it urgent: no danger terms, no program asking for today, no flag (a visit ticket). */
        public static final UrgencyFacts NONE = new UrgencyFacts(false, List.of(), false, List.of(), false, null);

        public UrgencyFacts {
            terms = List.copyOf(terms);
            reasons = List.copyOf(reasons);
        }

        public boolean urgent() {
            return byTerms || byAssessment || flaggedBySender;
        }

        public Priority priority() {
            return urgent() ? Priority.URGENT : Priority.NORMAL;
        }

        /** The hint a person should look at: only when no rule made the ticket urgent. */
        public DangerScore hint() {
            return urgent() ? null : dangerHint;
        }
    }

    /** The message on the office's queue for the ticket's first version. */
    public static TicketMessage message(
            String ticketNo,
            Request request,
            Instant createdAt,
            NeedsView needs,
            AssignmentView assignment,
            Map<String, String> links,
            Assessment assessment,
            DispatchSla sla,
            UrgencyFacts urgency) {
        return new TicketMessage(
                TicketMessage.SCHEMA_VERSION,
                TicketMessage.TYPE_DISPATCH,
                ticketNo,
                1,
                request.source(),
                request.externalId(),
                request.receivedAt(),
                createdAt,
                urgency.priority().name(),
                needs,
                assignment,
                request.content(),
                request.findings(),
                request.contact(),
                request.location(),
                request.household(),
                request.details(),
                links,
                assessment,
                urgency.hint(),
                sla,
                Urgency.of(
                        urgency.byTerms(),
                        urgency.terms(),
                        urgency.byAssessment(),
                        urgency.reasons(),
                        urgency.flaggedBySender()));
    }

    /** The urgency kept with the ticket (ticket.urgency): urgent, the evidence (terms, then reasons), the flag. */
    public static Map<String, Object> urgencyRecord(UrgencyFacts urgency) {
        List<String> evidence = new ArrayList<>(urgency.terms());
        evidence.addAll(urgency.reasons());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("urgent", urgency.urgent());
        record.put("evidence", evidence);
        record.put("flaggedBySender", urgency.flaggedBySender());
        if (urgency.hint() != null) {
            record.put("dangerHint", urgency.hint());
        }
        return record;
    }
}
