package hotline.gateway.workflow;

/** An eventId the ticket has already recorded for an event of another type. */
public class EventIdConflictException extends RuntimeException {

    public EventIdConflictException(String eventId, String recordedType) {
        super("eventId " + eventId + " was already used for a " + recordedType + " event of this ticket");
    }
}
