package hotline.gateway.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import hotline.gateway.intake.BatchFile;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import hotline.gateway.validation.RequestValues;
import hotline.gateway.validation.TextDecoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Checks an HTTP request's media type, charset and size and reads its body, before any of it reaches the domain: 415
 * for a body that is not of an accepted type or charset, 413 for one too large, 400 for bytes that are not text in
 * their charset or JSON that does not parse. {@link ApiRequestGuard} has already capped what was read.
 */
public class HttpRequests {

    static final Set<String> BATCH_TYPES = Set.of(
            "text/csv",
            "application/jsonl",
            "application/x-ndjson",
            "application/x-jsonlines",
            "application/jsonlines");

    private final ObjectReader json;
    private final int maxBodyBytes;
    private final int maxBatchBytes;

    public HttpRequests(ObjectMapper json, int maxBodyBytes, int maxBatchBytes) {
        this.json = RequestValues.requestReader(json);
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** The body of a single-record request as a JSON tree: UTF-8 (RFC 8259), with or without a byte order mark. */
    public JsonNode jsonBody(Exchange exchange) {
        ContentType type = ContentType.parse(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
        if (!type.isJson()) {
            throw new HttpProblemException(
                    415,
                    "Unsupported media type",
                    "Content-Type",
                    "must be application/json, not " + describe(type.mediaType()));
        }
        if (type.charset() != null && !TextDecoding.isUtf8(type.charset())) {
            throw new HttpProblemException(
                    415,
                    "Unsupported media type",
                    "Content-Type",
                    "charset must be UTF-8 for JSON, not " + type.charset());
        }
        String text = TextDecoding.decode(body(exchange, maxBodyBytes), StandardCharsets.UTF_8, "(body)");
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw InvalidInputException.of("(body)", "is not valid JSON" + where);
        }
    }

    /**
     * The body of a batch: CSV with a header row, or JSON Lines; UTF-8 unless the Content-Type declares GBK or
     * GB18030.
     */
    public BatchFile batchBody(Exchange exchange) {
        ContentType type = ContentType.parse(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
        if (!BATCH_TYPES.contains(type.mediaType())) {
            throw new HttpProblemException(
                    415,
                    "Unsupported media type",
                    "Content-Type",
                    "must be text/csv or application/jsonl (JSON Lines), not " + describe(type.mediaType()));
        }
        Charset charset = null;
        if (type.charset() != null) {
            charset = TextDecoding.batchCharset(type.charset())
                    .orElseThrow(() -> new HttpProblemException(
                            415,
                            "Unsupported media type",
                            "Content-Type",
                            "charset " + type.charset() + " is not supported: send UTF-8, GBK or GB18030"));
        }
        return new BatchFile(
                "request body",
                type.mediaType().equals("text/csv") ? BatchFile.Format.CSV : BatchFile.Format.JSON_LINES,
                body(exchange, maxBatchBytes),
                charset);
    }

    private static byte[] body(Exchange exchange, int limit) {
        Long declared = exchange.getIn().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > limit) {
            throw tooLarge(limit);
        }
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("(body)", "is empty");
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    static HttpProblemException tooLarge(int limit) {
        return new HttpProblemException(413, "Payload too large", "(body)", "must be at most " + limit + " bytes");
    }

    private static String describe(String mediaType) {
        return mediaType.isEmpty() ? "none" : mediaType;
    }

    /**
     * A Content-Type header: its media type in lower case ("" when absent) and its charset parameter, if any.
     */
    record ContentType(String mediaType, String charset) {

        static ContentType parse(String header) {
            if (header == null) {
                return new ContentType("", null);
            }
            String[] parts = header.split(";");
            String charset = null;
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase("charset")) {
                    charset = parts[i].substring(equals + 1).trim().replace("\"", "");
                }
            }
            return new ContentType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
        }

        boolean isJson() {
            return mediaType.equals("application/json") || mediaType.endsWith("+json");
        }
    }
}
