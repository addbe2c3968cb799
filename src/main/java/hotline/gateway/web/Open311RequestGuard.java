package hotline.gateway.web;

import hotline.gateway.web.Open311Replies.Open311Error;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at an Open311 request (/open311/v2/*), as {@link ApiRequestGuard} is for /api/v1: GeoReport v2 posts
 * forms ({@code application/x-www-form-urlencoded}), so a form is accepted here, and only here. The body is read into
 * memory up to the limit (64 KiB) before Tomcat, Spring or Camel see it and kept as a request attribute ({@link #BODY}),
 * so none of them parses it as parameters (and logs what it cannot parse): the Open311 routes decode it themselves,
 * strictly. A multipart body is 415, a body over
 * the limit 413 (with Connection: close), each as GeoReport v2 errors in the path's format.
 */
public class Open311RequestGuard extends OncePerRequestFilter {

    /**
     * The request attribute holding the body read. Downstream the body itself is empty: Camel's HTTP binding would
     * otherwise decode a form into message headers (leniently, the api_key among them) before any route step runs.
     */
    public static final String BODY = Open311RequestGuard.class.getName() + ".body";

    private final Open311Replies replies;
    private final int maxBodyBytes;

    public Open311RequestGuard(Open311Replies replies, int maxBodyBytes) {
        this.replies = replies;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Open311Replies.Format format = Open311Path.formatOf(request.getRequestURI());
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            replies.write(
                    response,
                    415,
                    format,
                    List.of(new Open311Error(
                            415, "Content-Type must be application/x-www-form-urlencoded, not a multipart body")));
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response, format);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            tooLarge(response, format);
            return;
        }
        request.setAttribute(BODY, body);
        chain.doFilter(new ApiRequestGuard.BufferedBody(request, new byte[0]), response);
    }

    private void tooLarge(HttpServletResponse response, Open311Replies.Format format) throws IOException {
        response.setHeader("Connection", "close");
        replies.write(
                response,
                413,
                format,
                List.of(new Open311Error(413, "(body) must be at most " + maxBodyBytes + " bytes")));
    }
}
