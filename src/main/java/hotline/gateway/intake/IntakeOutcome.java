package hotline.gateway.intake;

import hotline.gateway.ticket.TicketSummary;

/** A request accepted now ({@code created}) or earlier (a retry): the ticket either way. */
public record IntakeOutcome(boolean created, TicketSummary ticket) {}
