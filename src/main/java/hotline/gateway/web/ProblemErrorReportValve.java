package hotline.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.validation.TextDecoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers, for requests it refuses before the application sees them, as problem+json instead of
 * Tomcat's HTML page: a malformed path ({@code /api/v1/tickets/%00}, {@code /api/v1/%ZZ}, an encoded slash) is 400
 * naming the path, a malformed request line or header 400, and headers over the limit 431 (Tomcat itself answers
 * 400). Nothing of the request is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** The message Tomcat's HTTP/1.1 parser gives a request whose headers exceed their limit, in the JVM's locale. */
    private static final String HEADERS_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    private final ObjectMapper json = new ObjectMapper();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Problem problem = problem(
                status,
                throwable,
                response.getMessage() != null
                        || malformedPath(request.getCoyoteRequest().requestURI().toString()));
        try {
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the answer was committed after all: nothing more to say
        }
    }

    /**
     * @param pathRefused whether it was the path Tomcat refused: it gives a reason when it cannot normalise a path,
     *     none when the path's bytes are not UTF-8 or its parser refuses a request line or header
     */
    /**
     * Whether a path as sent is one Tomcat refuses: a percent sign without two hex digits after it, an encoded NUL,
     * slash or backslash, or escapes that decode to bytes that are not UTF-8.
     */
    static boolean malformedPath(String raw) {
        if (raw == null) {
            return false;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= raw.length()
                    || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return true;
            }
            int decoded = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
            if (decoded == 0 || decoded == '/' || decoded == '\\') {
                return true;
            }
            bytes.write(decoded);
            i += 2;
        }
        return TextDecoding.tryDecode(bytes.toByteArray(), StandardCharsets.UTF_8)
                .isEmpty();
    }

    static Problem problem(int status, Throwable throwable, boolean pathRefused) {
        if (throwable instanceof IllegalArgumentException && HEADERS_TOO_LARGE.equals(throwable.getMessage())) {
            return Problem.of(
                    431,
                    "Request header fields too large",
                    "(headers)",
                    "are larger than the server accepts; send fewer or shorter headers",
                    null);
        }
        if (status == 400 && throwable == null && pathRefused) {
            return Problem.invalid(
                    "(path)",
                    "is not a valid URL path: a malformed percent-encoding, or an encoded NUL, slash or backslash",
                    null);
        }
        if (status == 400) {
            return Problem.invalid("(request)", "cannot be parsed: its request line or a header is malformed", null);
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        return new Problem(
                "/problems/" + Problem.slug(title), title, status, "The server refused the request", null, List.of());
    }
}
