package hotline.gateway.reporting;

/** A reason offices gave for returning tickets (退单), and how often. */
public record ReturnReason(String reason, long count) {}
