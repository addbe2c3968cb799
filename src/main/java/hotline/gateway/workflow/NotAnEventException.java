package hotline.gateway.workflow;

/**
 * A message on ticket-events that is no event at all (not JSON, or not a JSON object): it is answered with no result
 * and goes to the dead-letter queue with this reason.
 */
public class NotAnEventException extends RuntimeException {

    public NotAnEventException(String why) {
        super(why);
    }
}
