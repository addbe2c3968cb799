package hotline.gateway.workflow;

/** The acting office may not send this event for this ticket (it is another office's ticket, say). */
public class OfficeNotPermittedException extends RuntimeException {

    public OfficeNotPermittedException(String office, OfficeEventType type, String ticketNo) {
        super("office " + office + " may not send " + type + " for ticket " + ticketNo);
    }

    public OfficeNotPermittedException(String why) {
        super(why);
    }
}
