package hotline.gateway.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who sends a request or a message, as authenticated by the broker's users: an office (its code), a dispatch desk
 * (its district code, or city), the hotline system, or one of the gateway's own system users, who act for the office
 * an event names.
 *
 * @param office the office the user acts for; null for a system user
 */
public record Actor(String user, String office) {

    public static final String HOTLINE = "hotline";

    /**
     * office-310104003, desk-310104, desk-city, hotline, or one of the system users; any other user acts for no
     * office and may do nothing here (empty).
     */
    public static Optional<Actor> ofUser(String user, Set<String> systemUsers) {
        if (user.startsWith("office-")) {
            return Optional.of(new Actor(user, user.substring("office-".length())));
        }
        if (user.startsWith("desk-")) {
            return Optional.of(new Actor(user, user.substring("desk-".length())));
        }
        if (user.equals(HOTLINE)) {
            return Optional.of(new Actor(user, HOTLINE));
        }
        return systemUsers.contains(user) ? Optional.of(new Actor(user, null)) : Optional.empty();
    }

    public boolean system() {
        return office == null;
    }

    /** May this actor see the tickets of that office? Its own; a district desk its towns'; the city and system all. */
    public boolean maySee(String officeCode) {
        return system()
                || office.equals(HOTLINE)
                || office.equals("city")
                || office.equals(officeCode)
                || (office.length() == 6 && officeCode.startsWith(office));
    }
}
