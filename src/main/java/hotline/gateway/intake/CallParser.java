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
 * A hotline call record (POST /api/v1/calls, schemas/requests/call.schema.json) → a service request, or every bad
 * field. A bad location hint is a warning, not a refusal.
 */
public final class CallParser {

    private static final RequestSchema SCHEMA = RequestSchema.named(RequestSchema.CALL);

    private final Clock clock;

    /** @param clock the gateway's clock: a call cannot have been received more than a day after it */
    public CallParser(Clock clock) {
        this.clock = clock;
    }

    public ServiceRequest parse(JsonNode body) {
        CheckedBody checked = SCHEMA.check(body);
        List<FieldError> warnings = RequestFields.locationWarnings(checked);
        checked.notAhead("receivedAt", clock.instant());
        checked.throwIfInvalid();

        JsonNode call = checked.body();
        Channel channel = RequestValues.enumValue(call, "channel", Channel.class);
        Map<String, String> details = new LinkedHashMap<>();
        String operatorId = RequestValues.text(call, "operatorId");
        if (operatorId != null) {
            details.put("operatorId", operatorId);
        }
        return new ServiceRequest(
                Source.HOTLINE,
                RequestValues.text(call, "callId"),
                RequestValues.time(call, "receivedAt"),
                (channel == null ? Channel.PHONE : channel).name(),
                RequestFields.person(RequestValues.object(call, "caller")),
                RequestFields.location(RequestValues.object(call, "location")),
                RequestValues.text(call, "content"),
                null,
                RequestFields.household(RequestValues.object(call, "household")),
                Boolean.TRUE.equals(RequestValues.bool(call, "urgent")),
                details,
                warnings);
    }
}
