package hotline.gateway.reporting;

/**
 * How often offices returned tickets (退单) for one reason code (NOT_OUR_JURISDICTION, WRONG_ADDRESS, ...). Reports
 * count codes, not the offices' free text: that may name people, and no two offices word a reason alike.
 */
public record ReturnReason(String code, long count) {}
