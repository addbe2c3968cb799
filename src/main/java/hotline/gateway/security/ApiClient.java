package hotline.gateway.security;

import hotline.gateway.jurisdiction.OfficeCode;
import java.util.regex.Pattern;

/**
 * A client of the HTTP API with keys of its own.
 *
 * @param scope what the role is narrowed to: a centre's centreId (required for CENTRE), a manager's district code
 *     (null: city-wide) or a community's 12-digit code (a residents' committee); null for the other roles
 */
public record ApiClient(String id, ClientRole role, String scope) {

    /** Client ids: letters, digits, dot, underscore and hyphen, 2 to 64 characters, starting with a letter or digit. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    /** The district a manager is limited to; null for a city-wide manager and for every other role. */
    public String district() {
        return role == ClientRole.MANAGER ? scope : null;
    }

    /**
     * A residents' committee: a manager scoped to one community (12 digits). It reads its community's outreach lists
     * and reports and nothing else ({@link AccessRules}); it never holds a ticket.
     */
    public boolean communityLevel() {
        return role == ClientRole.MANAGER && scope != null && scope.length() == 12;
    }

    /** The centre a centre client speaks for; null for every other role. */
    public String centre() {
        return role == ClientRole.CENTRE ? scope : null;
    }

    /**
     * Who this client is when it acts on a ticket (an office event): the hotline system acts as the hotline office, an
     * operator as a system user (for the office its event names); other clients do not act on tickets (null).
     */
    public Actor actor() {
        return switch (role) {
            case HOTLINE -> new Actor(id, OfficeCode.HOTLINE);
            case OPERATOR -> new Actor(id, null);
            default -> null;
        };
    }
}
