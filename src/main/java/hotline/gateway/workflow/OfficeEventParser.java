package hotline.gateway.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.ticket.ReturnReasonCode;
import hotline.gateway.ticket.VisitOutcome;
import hotline.gateway.validation.CheckedBody;
import hotline.gateway.validation.RequestSchema;
import hotline.gateway.validation.RequestValues;
import java.time.Clock;

/**
 * The JSON contract of an office event (POST /api/v1/tickets/{no}/events, or a message on ticket-events;
 * schemas/requests/office-event.schema.json) → an event, or every bad field. The schema says what each type needs;
 * the rules across fields it does not state are checked here; whether the ticket's state allows the event is the
 * state machine's business.
 */
public final class OfficeEventParser {

    static final int MAX_EXTENSION_DAYS = 15;

    private static final RequestSchema SCHEMA = RequestSchema.named(RequestSchema.OFFICE_EVENT);

    private final Clock clock;

    /** @param clock the gateway's clock: an event cannot have occurred more than a day after it */
    public OfficeEventParser(Clock clock) {
        this.clock = clock;
    }

    /** An event posted for the ticket in the URL; a ticketNo in the body, if any, must be that ticket. */
    public OfficeEvent parse(JsonNode body, String ticketNo) {
        CheckedBody checked = SCHEMA.check(body);
        String named = RequestValues.text(checked.body(), "ticketNo");
        if (named != null && !checked.hasError("ticketNo") && !named.equals(ticketNo)) {
            checked.reject("ticketNo", "names another ticket than the URL");
        }
        return read(checked);
    }

    /** An event from the ticket-events queue, which must name its ticket. */
    public QueuedEvent parseQueued(JsonNode body) {
        CheckedBody checked = SCHEMA.check(body);
        String ticketNo = RequestValues.text(checked.body(), "ticketNo");
        if (ticketNo == null) {
            checked.reject("ticketNo", "is required");
        }
        return new QueuedEvent(ticketNo, read(checked));
    }

    private OfficeEvent read(CheckedBody checked) {
        JsonNode event = checked.body();
        OfficeEventType type =
                checked.hasError("type") ? null : RequestValues.enumValue(event, "type", OfficeEventType.class);
        if (type == OfficeEventType.REASSIGN
                && (event.has("townCode") || checked.hasError("townCode"))
                        == (event.has("districtCode") || checked.hasError("districtCode"))) {
            checked.reject("townCode", "REASSIGN names exactly one of townCode or districtCode");
        }
        if (type != null && type != OfficeEventType.RETURN && event.has("reasonCode")) {
            checked.reject("reasonCode", "is only for RETURN");
        }
        if (type != null && type != OfficeEventType.RESOLVE && event.has("outcome")) {
            checked.reject("outcome", "is only for RESOLVE (a visit's outcome)");
        }
        checked.notAhead("occurredAt", clock.instant());
        checked.throwIfInvalid();
        String office = RequestValues.text(event, "office");
        return new OfficeEvent(
                RequestValues.text(event, "eventId"),
                type,
                RequestValues.text(event, "actor"),
                office == null ? null : new OfficeCode(office),
                RequestValues.text(event, "reason"),
                RequestValues.text(event, "note"),
                RequestValues.text(event, "result"),
                RequestValues.integer(event, "days"),
                RequestValues.enumValue(event, "satisfaction", Satisfaction.class),
                RequestValues.text(event, "townCode"),
                RequestValues.text(event, "districtCode"),
                RequestValues.time(event, "occurredAt"),
                RequestValues.enumValue(event, "reasonCode", ReturnReasonCode.class),
                RequestValues.enumValue(event, "need", NeedCode.class),
                RequestValues.enumValue(event, "outcome", VisitOutcome.class));
    }

    public record QueuedEvent(String ticketNo, OfficeEvent event) {}
}
