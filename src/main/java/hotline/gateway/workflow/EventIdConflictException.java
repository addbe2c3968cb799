package hotline.gateway.workflow;

/** An eventId the ticket has already recorded for another event. */
public class EventIdConflictException extends RuntimeException {

    public EventIdConflictException(String eventId) {
        super("eventId " + eventId + " was already used for another event of this ticket");
    }
}
