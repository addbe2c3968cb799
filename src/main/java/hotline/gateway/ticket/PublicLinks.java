package hotline.gateway.ticket;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Absolute links to the REST API for messages that leave the gateway (an office's client follows them as they are):
 * the configured public base URL (hotline.public-base-url) and the paths of {@link TicketLinks}.
 */
public final class PublicLinks {

    private final String base;

    public PublicLinks(URI base) {
        if (base == null || !base.isAbsolute() || base.getHost() == null) {
            throw new IllegalArgumentException("hotline.public-base-url must be an absolute http(s) URL: " + base);
        }
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** self: the ticket; events: where its events are posted. */
    public Map<String, String> ticket(String ticketNo) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + TicketLinks.self(ticketNo));
        links.put("events", base + TicketLinks.self(ticketNo) + "/events");
        return links;
    }
}
