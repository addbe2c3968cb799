package hotline.gateway.ticket;

/** No ticket has this number. */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String ticketNo) {
        super("no ticket " + ticketNo);
    }
}
