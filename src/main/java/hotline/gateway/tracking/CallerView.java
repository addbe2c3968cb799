package hotline.gateway.tracking;

import java.time.Instant;

/**
 * A ticket as the caller who reported it sees it with the tracking code and no credentials: its state, the office
 * that holds it and when that office is due to contact them and to resolve it. Nothing else: not the needs, not the
 * history, not who did what.
 */
public record CallerView(
        String ticketNo, String status, String office, Instant contactBy, Instant resolveBy, Instant updatedAt) {}
