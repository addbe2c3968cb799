package hotline.gateway.security;

import hotline.gateway.jurisdiction.OfficeCode;
import java.util.Optional;
import java.util.Set;

/**
 * Who sends a request or a message, as authenticated by the broker's users: an office (its code), a dispatch desk
 * (its district code, or city), the hotline system, or one of the gateway's own system users, who act for the office
 * an event names.
 *
 * @param office the office the user acts for; null for a system user
 */
public record Actor(String user, OfficeCode office) {

    /** The hotline system's user, which acts as the hotline office. */
    public static final String HOTLINE_USER = "hotline";

    /**
     * office-310104003, desk-310104, desk-city, hotline, or one of the system users; any other user, or one whose
     * name holds no office code, acts for no office and may do nothing here (empty).
     */
    public static Optional<Actor> ofUser(String user, Set<String> systemUsers) {
        if (user.startsWith("office-")) {
            return OfficeCode.parse(user.substring("office-".length())).map(office -> new Actor(user, office));
        }
        if (user.startsWith("desk-")) {
            return OfficeCode.parse(user.substring("desk-".length())).map(office -> new Actor(user, office));
        }
        if (user.equals(HOTLINE_USER)) {
            return Optional.of(new Actor(user, OfficeCode.HOTLINE));
        }
        return systemUsers.contains(user) ? Optional.of(new Actor(user, null)) : Optional.empty();
    }

    public boolean system() {
        return office == null;
    }

    /** May this actor see the tickets of that office? System users all; an office those it covers. */
    public boolean maySee(OfficeCode other) {
        return system() || office.covers(other);
    }
}
