package hotline.gateway.workflow;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.ticket.ReturnReasonCode;
import hotline.gateway.ticket.VisitOutcome;
import java.time.OffsetDateTime;

/**
 * One event as sent by its author, over REST or on the ticket-events queue.
 *
 * @param eventId      the sender's id: the same id again is the same event (a retry), never a second one
 * @param actor        who acted (a staff or system id), recorded with the event
 * @param office       the acting office's code when the sender names it (town, district, "city" or "hotline")
 * @param reason       why (RETURN, EXTEND_REQUEST, EXTEND_REJECT; optional elsewhere)
 * @param note         free text (PROGRESS, optional elsewhere)
 * @param result       what was done (RESOLVE)
 * @param days         working days asked for (EXTEND_REQUEST) or granted (EXTEND_APPROVE, optional)
 * @param satisfaction the callback's answer (CALLBACK)
 * @param townCode     the office that takes a reassigned ticket (REASSIGN), or
 * @param districtCode the district desk that takes it (REASSIGN by the city desk)
 * @param occurredAt   when the sender says it happened; the SLA counts the time the gateway received it
 * @param reasonCode   why a ticket is returned, from a fixed list (RETURN, required there; the reason is free text)
 * @param need         the right need (RECLASSIFY; optional on REASSIGN)
 * @param outcome      what a proactive visit found (RESOLVE of a DATA_MATCH ticket; optional, only on RESOLVE)
 */
public record OfficeEvent(
        String eventId,
        OfficeEventType type,
        String actor,
        OfficeCode office,
        String reason,
        String note,
        String result,
        Integer days,
        Satisfaction satisfaction,
        String townCode,
        String districtCode,
        OffsetDateTime occurredAt,
        ReturnReasonCode reasonCode,
        NeedCode need,
        VisitOutcome outcome) {}
