package hotline.gateway.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.Person;
import hotline.gateway.validation.FieldError;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A call, a community report or another request, in one shape: what the rest of the gateway works on.
 *
 * @param findings      text beside the content that also describes the need (a centre's visit findings)
 * @param flaggedUrgent the operator's or centre's own urgent flag
 * @param details       what only one source has (operator id, centre id, reporter), kept with the request
 * @param warnings      location hints the request arrived with that were malformed, and were left out of it (a
 *                      request without warnings fingerprints as it did before warnings existed)
 */
public record ServiceRequest(
        Source source,
        String externalId,
        OffsetDateTime receivedAt,
        String channel,
        Person subject,
        Location location,
        String content,
        String findings,
        Household household,
        boolean flaggedUrgent,
        Map<String, String> details,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> warnings) {

    public ServiceRequest {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A request without warnings. */
    public ServiceRequest(
            Source source,
            String externalId,
            OffsetDateTime receivedAt,
            String channel,
            Person subject,
            Location location,
            String content,
            String findings,
            Household household,
            boolean flaggedUrgent,
            Map<String, String> details) {
        this(
                source,
                externalId,
                receivedAt,
                channel,
                subject,
                location,
                content,
                findings,
                household,
                flaggedUrgent,
                details,
                List.of());
    }

    /** The text the classifier reads. */
    public String classificationText() {
        return findings == null ? content : content + "\n" + findings;
    }

    public Location locationOrEmpty() {
        return location == null ? new Location(null, null, null, null, null, null) : location;
    }
}
