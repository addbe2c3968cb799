package hotline.gateway.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may do what over HTTP: one table from method and path to the callers allowed. Only the health probes are open
 * to anyone; a ticket's status is open to a caller with its tracking code; everything else needs credentials: an API
 * key of a role the rule names, or (where the rule says so) an office's broker user.
 */
public final class AccessRules {

    /** What a request needs. */
    public enum Need {
        /** Nothing: health probes. */
        NOBODY,
        /** A ticket's status: anyone with the ticket's tracking code; credentials, when given, show more. */
        TRACKING_CODE,
        /** Credentials of one of the roles (or a broker user, when the rule allows offices). */
        CREDENTIALS
    }

    /**
     * @param name what the rule covers, for refusals and metrics (calls, reports, reports-read, ...)
     * @param roles the API clients' roles allowed
     * @param offices whether the broker's users (offices, desks, the hotline, system users) are allowed
     */
    public record Rule(String name, Need need, Set<ClientRole> roles, boolean offices) {

        public boolean allows(Caller caller) {
            if (caller.client() == null) {
                return offices;
            }
            // A residents' committee sees its community's outreach lists (and a ticket's status by its code) only.
            return roles.contains(caller.client().role())
                    && (!caller.client().communityLevel() || COMMUNITY_LEVEL.contains(name));
        }

        /** Who may, in words, for a 403's detail. */
        public String who() {
            StringBuilder who = new StringBuilder();
            for (ClientRole role : roles) {
                who.append(who.isEmpty() ? "" : ", ").append(role);
            }
            if (offices) {
                who.append(who.isEmpty() ? "" : ", ").append("an office's broker user");
            }
            return who.toString();
        }
    }

    private record Entry(String method, Pattern path, Rule rule) {}

    private static final Set<ClientRole> ALL = EnumSet.allOf(ClientRole.class);
    private static final Set<ClientRole> OPERATOR = EnumSet.of(ClientRole.OPERATOR);
    private static final Set<ClientRole> MANAGERS = EnumSet.of(ClientRole.MANAGER, ClientRole.OPERATOR);

    public static final Rule HEALTH = new Rule("health", Need.NOBODY, Set.of(), false);
    public static final Rule TICKET = new Rule("ticket", Need.TRACKING_CODE, ALL, true);
    public static final Rule CALLS =
            new Rule("calls", Need.CREDENTIALS, EnumSet.of(ClientRole.HOTLINE, ClientRole.OPERATOR), false);
    public static final Rule REPORTS =
            new Rule("reports", Need.CREDENTIALS, EnumSet.of(ClientRole.CENTRE, ClientRole.OPERATOR), false);
    public static final Rule REPORTS_READ = new Rule("reports-read", Need.CREDENTIALS, MANAGERS, false);
    public static final Rule DASHBOARD = new Rule("dashboard", Need.CREDENTIALS, MANAGERS, false);
    public static final Rule EVENTS =
            new Rule("events", Need.CREDENTIALS, EnumSet.of(ClientRole.HOTLINE, ClientRole.OPERATOR), true);
    public static final Rule OFFICE_LISTS = new Rule("office-lists", Need.CREDENTIALS, OPERATOR, true);
    public static final Rule ADMIN = new Rule("admin", Need.CREDENTIALS, OPERATOR, false);
    public static final Rule ACTUATOR = new Rule("actuator", Need.CREDENTIALS, OPERATOR, false);
    /**
     * Open311 GeoReport v2 (/open311/v2/): discovery and the services are open; the Open311 routes themselves check
     * the api_key that GeoReport v2 sends as a parameter (an OPEN311 client's key) where they need one.
     */
    public static final Rule OPEN311 = new Rule("open311", Need.NOBODY, EnumSet.of(ClientRole.OPEN311), false);

    /** Outreach: a department posts its own feed; operators run matching; people with an area read the register. */
    public static final Rule OUTREACH_FEEDS =
            new Rule("outreach-feeds", Need.CREDENTIALS, EnumSet.of(ClientRole.DEPARTMENT, ClientRole.OPERATOR), false);

    public static final Rule OUTREACH_RUNS = new Rule("outreach-runs", Need.CREDENTIALS, OPERATOR, false);
    public static final Rule OUTREACH_STATUS = new Rule("outreach-status", Need.CREDENTIALS, MANAGERS, false);
    public static final Rule OUTREACH_READ = new Rule("outreach-read", Need.CREDENTIALS, MANAGERS, true);
    /** What a community-level user (a residents' committee) may reach: by name, as the rules are named. */
    static final Set<String> COMMUNITY_LEVEL = Set.of("outreach-read", "ticket");
    /** The criteria, assessments, the OpenAPI document and anything not named: any client or office. */
    public static final Rule ANY_CALLER = new Rule("any-caller", Need.CREDENTIALS, ALL, true);

    private static final String TICKET_NO = "[^/]+";
    private static final List<Entry> TABLE = List.of(
            entry("GET", "/actuator/health(/liveness|/readiness)?/?", HEALTH),
            entry(null, "/actuator(/.*)?", ACTUATOR),
            entry("POST", "/api/v1/calls/?", CALLS),
            entry("POST", "/api/v1/reports(/batch)?/?", REPORTS),
            entry("GET", "/api/v1/reports/(sla|overdue)/?", REPORTS_READ),
            entry("GET", "/api/v1/reports/outreach/?", OUTREACH_READ),
            entry("POST", "/api/v1/outreach/feeds/[^/]+/?", OUTREACH_FEEDS),
            entry("POST", "/api/v1/outreach/match-runs/?", OUTREACH_RUNS),
            entry("POST", "/api/v1/outreach/rekey/?", OUTREACH_RUNS),
            entry("GET", "/api/v1/outreach/match-runs(/.*)?", OUTREACH_STATUS),
            entry("GET", "/api/v1/outreach/(index|households/[^/]+)/?", OUTREACH_READ),
            entry("GET", "/api/v1/tickets/" + TICKET_NO + "/?", TICKET),
            entry("POST", "/api/v1/tickets/" + TICKET_NO + "/events/?", EVENTS),
            entry("GET", "/api/v1/offices/.*", OFFICE_LISTS),
            entry(null, "/api/v1/admin(/.*)?", ADMIN),
            entry(null, "/(dashboard|webjars)(/.*)?", DASHBOARD),
            entry(null, "/open311/v2/.*", OPEN311));

    private AccessRules() {}

    /** The rule for a request: its method and its path (without the query). */
    public static Rule of(String method, String path) {
        for (Entry entry : TABLE) {
            if ((entry.method() == null || entry.method().equalsIgnoreCase(method))
                    && entry.path().matcher(path).matches()) {
                return entry.rule();
            }
        }
        return ANY_CALLER;
    }

    /** The ticket number of a status request (GET /api/v1/tickets/{no}); null for any other path. */
    public static String ticketNo(String path) {
        String prefix = "/api/v1/tickets/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest.isEmpty() || rest.contains("/") ? null : rest;
    }

    private static Entry entry(String method, String path, Rule rule) {
        return new Entry(method, Pattern.compile(path), rule);
    }
}
