package hotline.gateway.web;

import hotline.gateway.open311.FormFields;
import hotline.gateway.open311.Open311Api;
import hotline.gateway.open311.PostedRequest;
import hotline.gateway.security.ApiClients;
import hotline.gateway.security.ClientRole;
import hotline.gateway.security.FailedLogins;
import hotline.gateway.security.FailedLogins.Kind;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import hotline.gateway.web.Open311Replies.Open311Error;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * The Open311 routes' HTTP side (routes/open311.yaml): reads the path, the query string and the form body (strict
 * UTF-8), checks the {@code api_key} where GeoReport v2 on this gateway asks for one (POST requests, GET requests,
 * requests/{id} and tokens/{token}: an API client of role OPEN311; discovery and services are open), calls
 * {@link Open311Api} and answers in the path's format. Errors are GeoReport v2's list of code and description, with
 * its HTTP statuses: 400 bad input, 403 a missing or wrong api_key, 404 what does not exist; and 409 for a
 * client_request_id used before with other fields, 429 after too many wrong keys, 503 while the database is down.
 * The api_key is read here and goes nowhere else: not into a log, an answer or the stored request.
 */
public class Open311Http {

    static final String API_KEY = "api_key";
    static final String FORM = "application/x-www-form-urlencoded";

    private final Open311Api api;
    private final ApiClients apiClients;
    private final FailedLogins failedLogins;
    private final Open311Replies replies;
    private final ProblemReplies problems;

    public Open311Http(
            Open311Api api,
            ApiClients apiClients,
            FailedLogins failedLogins,
            Open311Replies replies,
            ProblemReplies problems) {
        this.api = api;
        this.apiClients = apiClients;
        this.failedLogins = failedLogins;
        this.replies = replies;
        this.problems = problems;
    }

    /** GET discovery, services and requests (route open311-get). */
    public void get(Exchange exchange) {
        HttpServletRequest request = request(exchange);
        Open311Path path = Open311Path.parse(path(request));
        if (path.item() != null) {
            throw notFound(path);
        }
        switch (path.resource()) {
            case "discovery" -> replies.reply(exchange, 200, path.format(), "discovery", api.discovery());
            case "services" -> replies.reply(exchange, 200, path.format(), "services", api.services());
            case "requests" -> {
                Map<String, List<String>> fields = query(request);
                authenticate(fields, request);
                replies.reply(exchange, 200, path.format(), "service_requests", api.requests(fields));
            }
            default -> throw notFound(path);
        }
    }

    /** GET services/{code}, requests/{id} and tokens/{token} (route open311-get-item). */
    public void getItem(Exchange exchange) {
        HttpServletRequest request = request(exchange);
        Open311Path path = Open311Path.parse(path(request));
        if (path.item() == null) {
            throw notFound(path);
        }
        switch (path.resource()) {
            case "services" ->
                replies.reply(exchange, 200, path.format(), "service_definition", api.service(path.item()));
            case "requests" -> {
                authenticate(query(request), request);
                replies.reply(exchange, 200, path.format(), "service_requests", api.request(path.item()));
            }
            case "tokens" -> {
                String client = authenticate(query(request), request);
                replies.reply(exchange, 200, path.format(), "service_requests", api.token(path.item(), client));
            }
            default -> throw notFound(path);
        }
    }

    /** POST requests (route open311-post): 201 with the new request, 200 with the same one for a retry. */
    public void post(Exchange exchange) {
        HttpServletRequest request = request(exchange);
        Open311Path path = Open311Path.parse(path(request));
        if (!path.resource().equals("requests") || path.item() != null) {
            throw new HttpProblemException(
                    405, "Method not allowed", "(method)", "only requests.{json,xml} takes a POST");
        }
        Map<String, List<String>> fields = query(request);
        byte[] body = (byte[]) request.getAttribute(Open311RequestGuard.BODY);
        if (body != null && body.length > 0) {
            // The header as sent: the servlet's character encoding is UTF-8 whatever was declared (Spring forces it).
            HttpRequests.ContentType type = HttpRequests.ContentType.parse(request.getHeader("Content-Type"));
            if (!type.mediaType().equals(FORM)) {
                throw InvalidInputException.of("Content-Type", "must be " + FORM + " (GeoReport v2)");
            }
            if (type.charset() != null
                    && !type.charset().equalsIgnoreCase("UTF-8")
                    && !type.charset().equalsIgnoreCase("utf8")) {
                throw InvalidInputException.of("Content-Type", "charset must be UTF-8, not " + type.charset());
            }
            FormFields.parse(body, "(body)")
                    .forEach((name, values) ->
                            fields.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        String client = authenticate(fields, request);
        PostedRequest posted = api.post(fields, client);
        replies.reply(exchange, posted.created() ? 201 : 200, path.format(), "service_requests", List.of(posted));
    }

    /** Every failure of an Open311 route, as GeoReport v2's errors in the path's format (onException). */
    public void error(Exchange exchange) {
        Exception exception = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        HttpServletRequest request = request(exchange);
        String uri = request == null ? null : path(request);
        Problem problem = problems.toProblem(exception, uri);
        if (problem.status() == 503 || exception instanceof Blocked) {
            exchange.getMessage()
                    .setHeader(
                            "Retry-After", exception instanceof Blocked blocked ? Long.toString(blocked.seconds) : "5");
        }
        replies.reply(exchange, problem.status(), Open311Path.formatOf(uri), "errors", errors(problem));
    }

    /** Problem → GeoReport v2 errors: one per bad field, or the problem's detail. */
    static List<Open311Error> errors(Problem problem) {
        List<Open311Error> errors = new ArrayList<>();
        if (problem.errors() != null) {
            for (FieldError error : problem.errors()) {
                errors.add(new Open311Error(problem.status(), error.field() + " " + error.message()));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new Open311Error(problem.status(), problem.detail()));
        }
        return errors;
    }

    /**
     * The client of the api_key sent (query string or form): 403 when missing, not a valid key, or not an Open311
     * client's; 429 after too many wrong keys from this address (the access filter's limits).
     */
    private String authenticate(Map<String, List<String>> fields, HttpServletRequest request) {
        List<String> keys = fields.getOrDefault(API_KEY, List.of());
        if (keys.isEmpty() || keys.get(0).isBlank()) {
            throw forbidden("is required");
        }
        if (keys.size() > 1) {
            throw forbidden("is given more than once");
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = failedLogins.blocked(Kind.API_KEY, null, address);
        if (wait.isPresent()) {
            throw new Blocked(Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
        ApiClients.Authentication found = apiClients.byKey(keys.get(0).strip());
        if (found.result() != ApiClients.Result.ACCEPTED) {
            failedLogins.failed(Kind.API_KEY, null, address);
            throw forbidden("is not valid: no client of this gateway has this key");
        }
        if (found.client().role() != ClientRole.OPEN311) {
            throw forbidden("is not an Open311 client's key");
        }
        return found.client().id();
    }

    /** The decoded path, as the access filter reads it. */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static Map<String, List<String>> query(HttpServletRequest request) {
        return new LinkedHashMap<>(FormFields.parse(request.getQueryString(), "(query)"));
    }

    private static HttpServletRequest request(Exchange exchange) {
        Message message = exchange.getIn();
        if (message instanceof PlatformHttpMessage http) {
            return http.getRequest();
        }
        return message.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
    }

    private static HttpProblemException forbidden(String why) {
        return new HttpProblemException(403, "Forbidden", API_KEY, why);
    }

    private static HttpProblemException notFound(Open311Path path) {
        return new HttpProblemException(
                404,
                "Not found",
                "(path)",
                "is not an Open311 resource: " + path.resource() + (path.item() == null ? "" : "/{item}"));
    }

    /** Too many wrong keys from this address: 429 with Retry-After until the window has passed. */
    private static final class Blocked extends HttpProblemException {
        private final long seconds;

        Blocked(long seconds) {
            super(429, "Too many requests", API_KEY, "too many wrong keys; retry after " + seconds + " s");
            this.seconds = seconds;
        }
    }
}
