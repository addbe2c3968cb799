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

/** A hotline call record (the JSON contract of POST /api/v1/calls) → a service request, or every bad field. */
public final class CallParser {

    private final Clock clock;

    /** @param clock the gateway's clock: a call cannot have been received more than a day after it */
    public CallParser(Clock clock) {
        this.clock = clock;
    }

    public ServiceRequest parse(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        String callId = RequestFields.externalId(fields, "callId");
        OffsetDateTime receivedAt = fields.requiredEventTime("receivedAt", clock.instant());
        Channel channel = fields.optionalEnum("channel", Channel.class, Channel.PHONE);
        Person caller = fields.optionalObject("caller", RequestFields::person);
        Location location = fields.optionalObject("location", RequestFields::location);
        String content = RequestFields.content(fields);
        Boolean urgent = fields.optionalBoolean("urgent");
        Household household = fields.optionalObject("household", RequestFields::household);
        String operatorId = fields.optionalText("operatorId", 64);
        fields.throwIfInvalid();

        Map<String, String> details = new LinkedHashMap<>();
        if (operatorId != null) {
            details.put("operatorId", operatorId);
        }
        return new ServiceRequest(
                Source.HOTLINE,
                callId,
                receivedAt,
                channel.name(),
                caller,
                location,
                content,
                null,
                household,
                Boolean.TRUE.equals(urgent),
                details);
    }
}
