package hotline.gateway.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.ticket.ReturnReasonCode;
import hotline.gateway.ticket.VisitOutcome;
import hotline.gateway.validation.JsonFields;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * The JSON contract of an office event (POST /api/v1/tickets/{no}/events, or a message on ticket-events) → an
 * event, or every bad field. What each type needs is checked here; whether the ticket's state allows it is the
 * state machine's business.
 */
public final class OfficeEventParser {

    static final int MAX_EXTENSION_DAYS = 15;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TICKET_NO = Pattern.compile("[0-9]{8}-[0-9]{7,12}");
    private static final Pattern TOWN_CODE = Pattern.compile("[0-9]{9}");
    private static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{6}");

    private final Clock clock;

    /** @param clock the gateway's clock: an event cannot have occurred more than a day after it */
    public OfficeEventParser(Clock clock) {
        this.clock = clock;
    }

    /** An event posted for the ticket in the URL; a ticketNo in the body, if any, must be that ticket. */
    public OfficeEvent parse(JsonNode body, String ticketNo) {
        JsonFields fields = JsonFields.root(body);
        String named = matching(fields, "ticketNo", 32, TICKET_NO, "must be a ticket number such as 20261129-0000001");
        if (named != null && !named.equals(ticketNo)) {
            fields.reject("ticketNo", "names another ticket than the URL");
        }
        return read(fields);
    }

    /** An event from the ticket-events queue, which must name its ticket. */
    public QueuedEvent parseQueued(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        String ticketNo =
                matching(fields, "ticketNo", 32, TICKET_NO, "must be a ticket number such as 20261129-0000001");
        if (ticketNo == null) {
            fields.reject("ticketNo", "is required");
        }
        return new QueuedEvent(ticketNo, read(fields));
    }

    private OfficeEvent read(JsonFields fields) {
        String eventId = matching(fields, "eventId", 64, EVENT_ID, "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        if (eventId == null) {
            fields.reject("eventId", "is required");
        }
        OfficeEventType type = fields.requiredEnum("type", OfficeEventType.class);
        String actor = fields.requiredText("actor", 100);
        String officeText = matching(fields, "office", 16, OfficeCode.PATTERN, "must be " + OfficeCode.DESCRIPTION);
        OfficeCode office = officeText == null ? null : new OfficeCode(officeText);
        String reason = fields.optionalText("reason", 500);
        ReturnReasonCode reasonCode = fields.optionalEnum("reasonCode", ReturnReasonCode.class, null);
        String note = fields.optionalText("note", 2000);
        String result = fields.optionalText("result", 2000);
        Integer days = fields.optionalInteger("days", 1, MAX_EXTENSION_DAYS);
        Satisfaction satisfaction = fields.optionalEnum("satisfaction", Satisfaction.class, null);
        String townCode = matching(fields, "townCode", 16, TOWN_CODE, "must be a 9-digit town code");
        String districtCode = matching(fields, "districtCode", 16, DISTRICT_CODE, "must be a 6-digit district code");
        OffsetDateTime occurredAt = fields.optionalEventTime("occurredAt", clock.instant());
        NeedCode need = fields.optionalEnum("need", NeedCode.class, null);
        VisitOutcome outcome = fields.optionalEnum("outcome", VisitOutcome.class, null);
        if (outcome != null && type != OfficeEventType.RESOLVE) {
            fields.reject("outcome", "is only for RESOLVE (a visit's outcome)");
        }
        if (type == OfficeEventType.RECLASSIFY) {
            requirePresent(fields, "need", need, type);
        }
        if (type != null) {
            requireFor(type, fields, reason, note, result, days, satisfaction, townCode, districtCode);
            if (type == OfficeEventType.RETURN) {
                requirePresent(fields, "reasonCode", reasonCode, type);
            } else if (reasonCode != null) {
                fields.reject("reasonCode", "is only for RETURN");
            }
        }
        fields.throwIfInvalid();
        return new OfficeEvent(
                eventId,
                type,
                actor,
                office,
                reason,
                note,
                result,
                days,
                satisfaction,
                townCode,
                districtCode,
                occurredAt,
                reasonCode,
                need,
                outcome);
    }

    private static void requireFor(
            OfficeEventType type,
            JsonFields fields,
            String reason,
            String note,
            String result,
            Integer days,
            Satisfaction satisfaction,
            String townCode,
            String districtCode) {
        switch (type) {
            case RETURN, EXTEND_REJECT -> requirePresent(fields, "reason", reason, type);
            case EXTEND_REQUEST -> {
                requirePresent(fields, "reason", reason, type);
                requirePresent(fields, "days", days, type);
            }
            case RESOLVE -> requirePresent(fields, "result", result, type);
            case PROGRESS -> requirePresent(fields, "note", note, type);
            case CALLBACK -> requirePresent(fields, "satisfaction", satisfaction, type);
            case REASSIGN -> {
                if ((townCode == null) == (districtCode == null)) {
                    fields.reject("townCode", "REASSIGN names exactly one of townCode or districtCode");
                }
            }
            default -> {}
        }
    }

    /** Absent is an error of its own; present but invalid has been reported already. */
    private static void requirePresent(JsonFields fields, String name, Object value, OfficeEventType type) {
        if (value == null && !fields.present(name)) {
            fields.reject(name, "is required for " + type);
        }
    }

    private static String matching(JsonFields fields, String name, int maxLength, Pattern pattern, String message) {
        String value = fields.optionalText(name, maxLength);
        if (value != null && !pattern.matcher(value).matches()) {
            fields.reject(name, message);
            return null;
        }
        return value;
    }

    public record QueuedEvent(String ticketNo, OfficeEvent event) {}
}
