package hotline.gateway.intake;

import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.Person;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A call, a community report or another request, in one shape: what the rest of the gateway works on.
 *
 * @param findings      text beside the content that also describes the need (a centre's visit findings)
 * @param flaggedUrgent the operator's or centre's own urgent flag
 * @param details       what only one source has (operator id, centre id, reporter), kept with the request
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
        Map<String, String> details) {

    /** The text the classifier reads. */
    public String classificationText() {
        return findings == null ? content : content + "\n" + findings;
    }

    public Location locationOrEmpty() {
        return location == null ? new Location(null, null, null, null, null, null) : location;
    }
}
