package hotline.gateway.outreach;

import hotline.gateway.security.Caller;
import hotline.gateway.security.ClientRole;

/**
 * The area a caller may see in the register: an office its town (a district's desk its district), a manager its
 * district (a city-wide manager and an operator the city), a community user (a manager whose scope is a 12-digit
 * community code) its community. Null column: the whole city.
 */
public record OutreachScope(String column, String code) {

    public static final OutreachScope CITY = new OutreachScope(null, null);

    public static OutreachScope of(Caller caller) {
        if (caller == null) {
            throw new IllegalStateException("no caller");
        }
        if (caller.client() == null) {
            if (caller.actor() == null || caller.actor().office() == null) {
                return CITY;
            }
            String office = caller.actor().office().value();
            return switch (office.length()) {
                case 9 -> new OutreachScope("town_code", office);
                case 6 -> new OutreachScope("district_code", office);
                default -> CITY;
            };
        }
        if (caller.has(ClientRole.MANAGER) && caller.client().scope() != null) {
            String scope = caller.client().scope();
            return switch (scope.length()) {
                case 12 -> new OutreachScope("community_code", scope);
                case 9 -> new OutreachScope("town_code", scope);
                default -> new OutreachScope("district_code", scope);
            };
        }
        return CITY;
    }

    public boolean city() {
        return column == null;
    }

    /** Does an area (a code of 6, 9 or 12 digits) lie inside this scope? */
    public boolean covers(String areaCode) {
        return city() || (areaCode != null && areaCode.startsWith(code));
    }
}
