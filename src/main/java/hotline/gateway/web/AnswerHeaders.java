package hotline.gateway.web;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The headers an HTTP answer of a route may carry: only those an answer of this API sets itself. A Camel message
 * carries the request's headers along, and platform-http writes a message's headers into the answer; routes that
 * answer through {@link HttpReplies} drop them, but the OpenAPI document, as camel-openapi-java built it per request,
 * kept them all and echoed the request's headers, Authorization included. Platform-http only leaves out a fixed list
 * of request header names, compared with their case, while the servlet container hands them over in lower case.
 */
public class AnswerHeaders extends HttpHeaderFilterStrategy {

    private static final Set<String> ANSWER = Set.of(
            "content-type",
            "content-length",
            "content-disposition",
            "content-encoding",
            "content-language",
            "location",
            "retry-after",
            "www-authenticate",
            "cache-control",
            "vary",
            "etag",
            "last-modified");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !ANSWER.contains(headerName.toLowerCase(Locale.ROOT))
                || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
