package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.Person;
import hotline.gateway.validation.JsonFields;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A community affairs service centre's report (POST /api/v1/reports, or one row of a batch) → a service request,
 * or every bad field.
 */
public final class ReportParser {

    /** Reports arrive one at a time, in a batch or as an inbox file: the channel is the same for all of them. */
    static final String CHANNEL = "CENTRE";

    private final Clock clock;

    /** @param clock the gateway's clock: a report cannot have been made more than a day after it */
    public ReportParser(Clock clock) {
        this.clock = clock;
    }

    public ServiceRequest parse(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        String reportId = RequestFields.externalId(fields, "reportId");
        String centreId = fields.requiredText("centreId", 64);
        OffsetDateTime reportedAt = fields.requiredEventTime("reportedAt", clock.instant());
        String reporter = fields.optionalText("reporter", 100);
        Person subject = fields.optionalObject("subject", RequestFields::person);
        Location location = fields.optionalObject("location", RequestFields::location);
        String content = RequestFields.content(fields);
        Household household = fields.optionalObject("household", RequestFields::household);
        String visitFindings = fields.optionalText("visitFindings", RequestFields.MAX_CONTENT_LENGTH);
        Boolean urgent = fields.optionalBoolean("urgent");
        fields.throwIfInvalid();

        Map<String, String> details = new LinkedHashMap<>();
        details.put("centreId", centreId);
        if (reporter != null) {
            details.put("reporter", reporter);
        }
        return new ServiceRequest(
                Source.COMMUNITY,
                reportId,
                reportedAt,
                CHANNEL,
                subject,
                location,
                content,
                visitFindings,
                household,
                Boolean.TRUE.equals(urgent),
                details);
    }
}
