package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.validation.CheckedBody;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.RequestSchema;
import hotline.gateway.validation.RequestValues;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A community affairs service centre's report (POST /api/v1/reports, or one row of a batch;
 * schemas/requests/report.schema.json) → a service request, or every bad field. A bad location hint is a warning.
 */
public final class ReportParser {

    /** Reports arrive one at a time, in a batch or as an inbox file: the channel is the same for all of them. */
    static final String CHANNEL = "CENTRE";

    private static final RequestSchema SCHEMA = RequestSchema.named(RequestSchema.REPORT);

    private final Clock clock;

    /** @param clock the gateway's clock: a report cannot have been made more than a day after it */
    public ReportParser(Clock clock) {
        this.clock = clock;
    }

    public ServiceRequest parse(JsonNode body) {
        CheckedBody checked = SCHEMA.check(body);
        List<FieldError> warnings = RequestFields.locationWarnings(checked);
        checked.notAhead("reportedAt", clock.instant());
        checked.throwIfInvalid();

        JsonNode report = checked.body();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("centreId", RequestValues.text(report, "centreId"));
        String reporter = RequestValues.text(report, "reporter");
        if (reporter != null) {
            details.put("reporter", reporter);
        }
        return new ServiceRequest(
                Source.COMMUNITY,
                RequestValues.text(report, "reportId"),
                RequestValues.time(report, "reportedAt"),
                CHANNEL,
                RequestFields.person(RequestValues.object(report, "subject")),
                RequestFields.location(RequestValues.object(report, "location")),
                RequestValues.text(report, "content"),
                RequestValues.text(report, "visitFindings"),
                RequestFields.household(RequestValues.object(report, "household")),
                Boolean.TRUE.equals(RequestValues.bool(report, "urgent")),
                details,
                warnings);
    }
}
