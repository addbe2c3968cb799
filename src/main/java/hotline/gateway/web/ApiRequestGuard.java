package hotline.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Globals;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at an API request, before Tomcat, Spring or Camel read its body. Camel's HTTP binding reads a whole
 * body before any route step runs, so the limits are kept here, while reading:
 *
 * <ul>
 *   <li>a form ({@code application/x-www-form-urlencoded}, {@code multipart/*}) is 415: no endpoint takes one, and the
 *       servlet layer and Camel's binding would parse it as parameters (and log what they cannot parse);
 *   <li>a body over the limit (64 KiB; a batch 32 MiB) is 413: at once when its Content-Length says so, else as soon
 *       as reading it reaches the limit plus one byte, so no more than that is ever held;
 *   <li>a query string that does not decode ({@code ?date=%ZZ}) is 400, not silently dropped.
 * </ul>
 *
 * The body read is handed on in memory. Every refusal is problem+json, and nothing of the request is logged.
 */
public class ApiRequestGuard extends OncePerRequestFilter {

    /** The batch endpoint (POST /api/v1/reports/batch), which has the larger limit. */
    private static final String BATCH_PATH = "/reports/batch";

    /** Outreach feeds (POST /api/v1/outreach/feeds/{feed}): the batch limit too; larger files go to the inbox. */
    private static final String FEED_PATH = "/api/v1/outreach/feeds/";

    private final ObjectMapper json;
    private final int maxBodyBytes;
    private final int maxBatchBytes;

    public ApiRequestGuard(ObjectMapper json, int maxBodyBytes, int maxBatchBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String instance = request.getRequestURI();
        String mediaType = mediaType(request.getContentType());
        if (mediaType.equals("application/x-www-form-urlencoded") || mediaType.startsWith("multipart/")) {
            ProblemResponses.write(
                    response,
                    json,
                    Problem.of(
                            415,
                            "Unsupported media type",
                            "Content-Type",
                            "must not be a form (" + mediaType + "): send application/json"
                                    + " (a batch: text/csv or application/jsonl)",
                            instance));
            return;
        }
        String uri = request.getRequestURI();
        int limit = uri.endsWith(BATCH_PATH) || uri.startsWith(FEED_PATH) ? maxBatchBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit, instance);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit == Integer.MAX_VALUE ? limit : limit + 1);
        if (body.length > limit) {
            tooLarge(response, limit, instance);
            return;
        }
        HttpServletRequest buffered = new BufferedBody(request, body);
        buffered.getParameterMap();
        if (Boolean.TRUE.equals(request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR))) {
            ProblemResponses.write(
                    response,
                    json,
                    Problem.invalid(
                            "(query)",
                            "is not a valid query string: a parameter does not decode (percent-encoding, UTF-8)"
                                    + " or there are too many",
                            instance));
            return;
        }
        chain.doFilter(buffered, response);
    }

    /** The rest of an oversized body is not read; the connection is closed after the answer. */
    private void tooLarge(HttpServletResponse response, int limit, String instance) throws IOException {
        response.setHeader("Connection", "close");
        ProblemResponses.write(
                response,
                json,
                Problem.of(413, "Payload too large", "(body)", "must be at most " + limit + " bytes", instance));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** The request with its body already read into memory (at most the limit). */
    static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException e) {
                // an unknown charset: read as UTF-8 (the routes refuse such a body with 415)
            }
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
