package hotline.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.infrastructure.database.DatabaseUnavailableException;
import hotline.gateway.security.AccessRules;
import hotline.gateway.security.AccessRules.Need;
import hotline.gateway.security.AccessRules.Rule;
import hotline.gateway.security.Actor;
import hotline.gateway.security.ApiClients;
import hotline.gateway.security.BrokerCredentials;
import hotline.gateway.security.Caller;
import hotline.gateway.security.FailedLogins;
import hotline.gateway.security.FailedLogins.Kind;
import hotline.gateway.ticket.TicketNotFoundException;
import hotline.gateway.tracking.TrackingCodeRepository;
import hotline.gateway.validation.HttpProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what over HTTP, in one place, before any route or endpoint runs. It reads the credentials (HTTP Basic:
 * an API client's id and key, or an office's broker user and password; or a key alone in {@code X-Api-Key}), refuses
 * after too many failed authentications ({@link FailedLogins}: 429 with Retry-After), checks a ticket's tracking code
 * ({@code X-Tracking-Code}) and the caller's role against {@link AccessRules}: 401 with WWW-Authenticate without
 * valid credentials, 403 for a role the rule does not name, always as problem+json. The request goes on without its
 * credentials, with the {@link Caller} as a request attribute (and as its principal, in the role of its client).
 */
public class AccessFilter extends OncePerRequestFilter {

    public static final String CALLER = AccessFilter.class.getName() + ".caller";
    public static final String TRACKING_CODE_CHECKED = AccessFilter.class.getName() + ".trackingCodeChecked";
    public static final String API_KEY = "X-Api-Key";
    public static final String TRACKING_CODE = "X-Tracking-Code";
    public static final String CHALLENGE = "Basic realm=\"hotline-gateway\", charset=\"UTF-8\"";

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "x-api-key");

    private final ApiClients apiClients;
    private final BrokerCredentials brokerCredentials;
    private final Set<String> systemUsers;
    private final FailedLogins failedLogins;
    private final TrackingCodeRepository trackingCodes;
    private final ProblemReplies problems;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public AccessFilter(
            ApiClients apiClients,
            BrokerCredentials brokerCredentials,
            Set<String> systemUsers,
            FailedLogins failedLogins,
            TrackingCodeRepository trackingCodes,
            ProblemReplies problems,
            ObjectMapper json,
            MeterRegistry registry) {
        this.apiClients = apiClients;
        this.brokerCredentials = brokerCredentials;
        this.systemUsers = Set.copyOf(systemUsers);
        this.failedLogins = failedLogins;
        this.trackingCodes = trackingCodes;
        this.problems = problems;
        this.json = json;
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Rule rule = AccessRules.of(request.getMethod(), path);
        String address = request.getRemoteAddr();
        Caller caller;
        boolean trackingCodeChecked = false;
        try {
            caller = authenticate(request, address);
            if (rule.need() == Need.TRACKING_CODE) {
                String code = request.getHeader(TRACKING_CODE);
                if (code != null) {
                    checkTrackingCode(AccessRules.ticketNo(path), code, address);
                    trackingCodeChecked = true;
                }
            } else if (rule.need() == Need.CREDENTIALS) {
                if (caller == null) {
                    throw unauthorized(
                            "Authorization", "credentials required: HTTP Basic (client id and key) or X-Api-Key");
                }
                if (!rule.allows(caller)) {
                    throw new HttpProblemException(
                            403,
                            "Forbidden",
                            "Authorization",
                            caller.id() + " (" + caller.kind() + ") may not do this; it takes " + rule.who());
                }
            }
        } catch (HttpProblemException refused) {
            refuse(request, response, path, refused);
            return;
        } catch (RuntimeException failed) {
            // Keys live in the database: with the database down, the caller gets 503 and Retry-After at once.
            Problem problem = problems.toProblem(failed, path);
            if (problem.status() != 503) {
                throw failed;
            }
            DatabaseUnavailableException open = circuitOpen(failed);
            response.setStatus(503);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Retry-After", Long.toString(open == null ? 5 : open.retryAfterSeconds()));
            if (!"HEAD".equals(request.getMethod())) {
                json.writeValue(response.getOutputStream(), problem);
            }
            return;
        }
        count(rule, path, caller);
        request.setAttribute(CALLER, caller);
        request.setAttribute(TRACKING_CODE_CHECKED, trackingCodeChecked);
        chain.doFilter(new AuthenticatedRequest(request, caller), response);
    }

    /** The caller of the credentials sent; null when none were sent. */
    private Caller authenticate(HttpServletRequest request, String address) {
        String key = request.getHeader(API_KEY);
        String authorization = request.getHeader("Authorization");
        if (key != null && authorization != null) {
            throw new HttpProblemException(
                    400,
                    "Invalid request",
                    "Authorization",
                    "send one credential: Authorization or X-Api-Key, not both");
        }
        if (key != null) {
            return withKey(key.trim(), address);
        }
        if (authorization != null) {
            return withBasic(authorization, address);
        }
        return null;
    }

    private Caller withKey(String key, String address) {
        throwIfBlocked(Kind.API_KEY, null, address, API_KEY);
        ApiClients.Authentication found = apiClients.byKey(key);
        if (found.result() != ApiClients.Result.ACCEPTED) {
            failedLogins.failed(Kind.API_KEY, null, address);
            throw unauthorized(API_KEY, "is not a valid key");
        }
        return Caller.of(found.client());
    }

    private Caller withBasic(String authorization, String address) {
        String[] credentials = basic(authorization);
        String user = credentials[0];
        boolean brokerName = brokerUserName(user);
        throwIfBlocked(brokerName ? Kind.OFFICE_PASSWORD : Kind.API_KEY, user, address, "Authorization");
        ApiClients.Authentication found = brokerName
                ? new ApiClients.Authentication(ApiClients.Result.NOT_A_CLIENT, null)
                : apiClients.byIdAndKey(user, credentials[1]);
        switch (found.result()) {
            case ACCEPTED:
                return Caller.of(found.client());
            case REFUSED:
                failedLogins.failed(Kind.API_KEY, user, address);
                throw unauthorized("Authorization", "client id or key not accepted");
            default:
                try {
                    return Caller.brokerUser(brokerCredentials.authenticate(authorization));
                } catch (HttpProblemException e) {
                    if (e.status() == 401) {
                        failedLogins.failed(Kind.OFFICE_PASSWORD, user, address);
                    }
                    throw e;
                }
        }
    }

    private void checkTrackingCode(String ticketNo, String code, String address) {
        throwIfBlocked(Kind.TRACKING_CODE, ticketNo, address, TRACKING_CODE);
        if (!trackingCodes.matches(ticketNo, code)) {
            failedLogins.failed(Kind.TRACKING_CODE, ticketNo, address);
            // As for an unknown number: a wrong code does not confirm that the number exists.
            throw new TicketNotFound(ticketNo);
        }
    }

    private void throwIfBlocked(Kind kind, String user, String address, String field) {
        Optional<Duration> wait = failedLogins.blocked(kind, user, address);
        if (wait.isPresent()) {
            throw new Blocked(field, Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
    }

    /** User and password of an HTTP Basic header; 401 when it is not one. */
    private static String[] basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("Authorization", "must be HTTP Basic (client id and key, or an office's user)");
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("Authorization", "credentials are not valid Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw unauthorized("Authorization", "credentials must be user:password");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /* The broker's users are offices, desks, the hotline and the system users; API clients may not take such names. */
    private boolean brokerUserName(String user) {
        return user.startsWith("office-")
                || user.startsWith("desk-")
                || user.equals(Actor.HOTLINE_USER)
                || systemUsers.contains(user);
    }

    private void count(Rule rule, String path, Caller caller) {
        if (caller == null || (rule != AccessRules.CALLS && rule != AccessRules.REPORTS)) {
            return;
        }
        String kind = rule == AccessRules.CALLS ? "call" : path.endsWith("/batch") ? "batch" : "report";
        Counter.builder("hotline.intake.requests")
                .description("Intake requests admitted, per API client")
                .tag("client", caller.id())
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path, HttpProblemException e)
            throws IOException {
        Problem problem = problems.toProblem(e instanceof TicketNotFound notFound ? notFound.cause() : e, path);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        if (e instanceof Blocked blocked) {
            response.setHeader("Retry-After", Long.toString(blocked.seconds));
        }
        if (!"HEAD".equals(request.getMethod())) {
            json.writeValue(response.getOutputStream(), problem);
        }
    }

    private static DatabaseUnavailableException circuitOpen(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException open) {
                return open;
            }
        }
        return null;
    }

    private static HttpProblemException unauthorized(String field, String why) {
        return new HttpProblemException(401, "Unauthorized", field, why);
    }

    /** Too many failed authentications of this user or from this address: 429 until the window has passed. */
    private static final class Blocked extends HttpProblemException {
        private final long seconds;

        Blocked(String field, long seconds) {
            super(429, "Too many requests", field, "too many failed authentications; retry after " + seconds + " s");
            this.seconds = seconds;
        }
    }

    /** A wrong tracking code, answered exactly as an unknown ticket number. */
    private static final class TicketNotFound extends HttpProblemException {
        private final TicketNotFoundException cause;

        TicketNotFound(String ticketNo) {
            super(404, "Not found", "ticketNo", "no ticket " + ticketNo);
            this.cause = new TicketNotFoundException(ticketNo);
        }

        TicketNotFoundException cause() {
            return cause;
        }
    }

    /**
     * The request as the gateway goes on with it: without its credentials (nothing downstream can echo or log them),
     * with the caller as its principal, in the role of its client (OPERATOR sees the actuator's health details).
     */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name))
                    .toList());
        }

        @Override
        public Principal getUserPrincipal() {
            return caller == null ? null : caller::id;
        }

        @Override
        public String getRemoteUser() {
            return caller == null ? null : caller.id();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller != null
                    && caller.client() != null
                    && caller.client().role().name().equals(role);
        }

        private static boolean hidden(String name) {
            return CREDENTIAL_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
