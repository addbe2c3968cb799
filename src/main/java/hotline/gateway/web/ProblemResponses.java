package hotline.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem+json answer on the servlet level, for refusals made before a request reaches a route. */
final class ProblemResponses {

    private ProblemResponses() {}

    static void write(HttpServletResponse response, ObjectMapper json, Problem problem) throws IOException {
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
