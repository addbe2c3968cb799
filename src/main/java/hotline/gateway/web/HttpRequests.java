package hotline.gateway.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.intake.BatchFile;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Checks an HTTP request's media type and size and reads its body, before any of it reaches the domain: 415 for a
 * body that is not of an accepted type, 413 for one too large, 400 for JSON that does not parse.
 */
public class HttpRequests {

    private static final Set<String> BATCH_TYPES = Set.of(
            "text/csv",
            "application/jsonl",
            "application/x-ndjson",
            "application/x-jsonlines",
            "application/jsonlines");

    private final ObjectMapper json;
    private final int maxBodyBytes;
    private final int maxBatchBytes;

    public HttpRequests(ObjectMapper json, int maxBodyBytes, int maxBatchBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** The body of a single-record request as a JSON tree. */
    public JsonNode jsonBody(Exchange exchange) {
        String mediaType = mediaType(exchange);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new HttpProblemException(
                    415,
                    "Unsupported media type",
                    "Content-Type",
                    "must be application/json, not " + describe(mediaType));
        }
        byte[] body = body(exchange, maxBodyBytes);
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw InvalidInputException.of("(body)", "is not valid JSON" + where);
        } catch (IOException e) {
            throw InvalidInputException.of("(body)", "cannot be read");
        }
    }

    /** The body of a batch: CSV with a header row, or JSON Lines. */
    public BatchFile batchBody(Exchange exchange) {
        String mediaType = mediaType(exchange);
        if (!BATCH_TYPES.contains(mediaType)) {
            throw new HttpProblemException(
                    415,
                    "Unsupported media type",
                    "Content-Type",
                    "must be text/csv or application/jsonl (JSON Lines), not " + describe(mediaType));
        }
        return new BatchFile(
                "request body",
                mediaType.equals("text/csv") ? BatchFile.Format.CSV : BatchFile.Format.JSON_LINES,
                body(exchange, maxBatchBytes));
    }

    private static String mediaType(Exchange exchange) {
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
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

    private static HttpProblemException tooLarge(int limit) {
        return new HttpProblemException(413, "Payload too large", "(body)", "must be at most " + limit + " bytes");
    }

    private static String describe(String mediaType) {
        return mediaType.isEmpty() ? "none" : mediaType;
    }
}
