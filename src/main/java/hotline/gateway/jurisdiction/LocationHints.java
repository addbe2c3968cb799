package hotline.gateway.jurisdiction;

/** What a request says about where it happened; any part may be null. */
public record LocationHints(String townCode, String district, String community, String address) {}
