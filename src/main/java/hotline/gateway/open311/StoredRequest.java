package hotline.gateway.open311;

import java.time.Instant;

/**
 * A ticket that came in over Open311, as stored: what the public view is made from.
 *
 * @param primaryNeed the ticket's need now (a desk may have corrected it)
 * @param serviceCode the service the client chose
 * @param status      the ticket's state (TicketStatus)
 * @param resolveDue  the holding office's resolution deadline; null when it has none
 */
record StoredRequest(
        String ticketNo,
        String status,
        boolean extended,
        String primaryNeed,
        String serviceCode,
        String office,
        String content,
        String address,
        String addressId,
        Double lat,
        Double lon,
        String mediaUrl,
        Instant receivedAt,
        Instant updatedAt,
        Instant resolveDue) {}
