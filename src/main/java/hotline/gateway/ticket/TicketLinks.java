package hotline.gateway.ticket;

/** Paths of the ticket resources in the REST API. */
public final class TicketLinks {

    private TicketLinks() {}

    public static String self(String ticketNo) {
        return "/api/v1/tickets/" + ticketNo;
    }
}
