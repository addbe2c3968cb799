package hotline.gateway.workflow;

import hotline.gateway.tracking.TicketDetails;

/** An event recorded now ({@code recorded}) or before (the sender's retry), and the ticket after it. */
public record EventReceipt(boolean recorded, TicketDetails ticket) {}
