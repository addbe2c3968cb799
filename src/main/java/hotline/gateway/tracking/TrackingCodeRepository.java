package hotline.gateway.tracking;

import hotline.gateway.ticket.TrackingCodes;
import org.springframework.jdbc.core.JdbcTemplate;

/** Checks a ticket's tracking code (the public status of a ticket needs it). */
public class TrackingCodeRepository {

    private final JdbcTemplate jdbc;

    public TrackingCodeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the ticket exists and the code is its own; an unknown ticket and a wrong code look the same. */
    public boolean matches(String ticketNo, String code) {
        String stored = jdbc
                .query("SELECT tracking_code FROM ticket WHERE ticket_no = ?", (rs, row) -> rs.getString(1), ticketNo)
                .stream()
                .findFirst()
                .orElse(null);
        return TrackingCodes.matches(stored, code);
    }
}
