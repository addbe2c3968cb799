package hotline.gateway.jurisdiction;

/**
 * A location hint that matched nothing in the directory and so played no part in routing.
 *
 * @param hint    the hint's field in a location: townCode, district or community
 * @param message what was wrong with it, for the sender
 */
public record UnmatchedHint(String hint, String message) {}
