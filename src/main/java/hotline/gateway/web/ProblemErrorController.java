package hotline.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring's error page (/error), where the servlet container sends every error no route answered: an unknown path
 * (404), a method the path does not take (405), a failure before a route ran. Each is problem+json like the routes'
 * own answers, never the whitelabel page or Spring's default error JSON.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ObjectMapper json;

    public ProblemErrorController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        response.resetBuffer();
        ProblemResponses.write(response, json, problem(status, request, response, instance));
    }

    private static Problem problem(int status, HttpServletRequest request, HttpServletResponse response, String path) {
        return switch (status) {
            case 404 ->
                new Problem(
                        "/problems/not-found",
                        "Not found",
                        404,
                        "No resource of this API has this path",
                        path,
                        List.of());
            case 405 -> {
                String allowed = response.getHeader("Allow");
                yield Problem.of(
                        405,
                        "Method not allowed",
                        "(method)",
                        request.getMethod() + " is not allowed on this path"
                                + (allowed == null || allowed.isBlank() ? "" : "; allowed: " + allowed),
                        path);
            }
            default -> {
                if (status >= 500) {
                    yield internal(status, request, path);
                }
                HttpStatus known = HttpStatus.resolve(status);
                String title = known == null ? "Bad request" : known.getReasonPhrase();
                yield new Problem(
                        "/problems/" + Problem.slug(title), title, status, "The request was refused", path, List.of());
            }
        };
    }

    /** A failure outside the routes: logged with an incident id and the exception's type (its message may quote input). */
    private static Problem internal(int status, HttpServletRequest request, String path) {
        String incident = UUID.randomUUID().toString();
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.error(
                "Incident {}: {} {} answered {} outside the routes ({})",
                incident,
                request.getMethod(),
                path,
                status,
                exception == null ? "no exception" : exception.getClass().getName());
        return new Problem(
                "/problems/internal",
                "Internal error",
                status,
                "The request could not be completed. Incident " + incident,
                path,
                List.of());
    }
}
