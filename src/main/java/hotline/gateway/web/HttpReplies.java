package hotline.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.intake.IntakeOutcome;
import hotline.gateway.workflow.EventReceipt;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Writes JSON answers onto a Camel HTTP exchange: status, content type and body, and no request header echoed back. */
@Component("httpReplies")
public class HttpReplies {

    public static final String JSON = "application/json";

    private static final ReplyHeaders REPLY_HEADERS = new ReplyHeaders("Location", "Retry-After", "WWW-Authenticate");

    private final ObjectMapper json;

    public HttpReplies(ObjectMapper json) {
        this.json = json;
    }

    /** 201 for a request accepted now, 200 for a retry of one accepted before; with warnings, if any. */
    public void intake(Exchange exchange, IntakeOutcome outcome) {
        if (outcome.created()) {
            exchange.getMessage().setHeader("Location", outcome.ticket().links().get("self"));
        }
        write(exchange, outcome.created() ? 201 : 200, JSON, IntakeAnswer.of(outcome));
    }

    /** 201 for an event recorded now, 200 for a retry of one recorded before. */
    public void event(Exchange exchange, EventReceipt receipt) {
        write(exchange, receipt.recorded() ? 201 : 200, JSON, receipt.ticket());
    }

    /** 201 for something made now (an API client, a key). */
    public void created(Exchange exchange, Object body) {
        write(exchange, 201, JSON, body);
    }

    public void ok(Exchange exchange, Object body) {
        write(exchange, 200, JSON, body);
    }

    /** 200 with a file to save, e.g. a report as CSV: its bytes as they are, under the given name. */
    public void file(Exchange exchange, String contentType, String fileName, byte[] content) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        message.setBody(content);
    }

    void write(Exchange exchange, int status, String contentType, Object body) {
        Message message = exchange.getMessage();
        // Request headers would be echoed back; only the answer's own survive.
        REPLY_HEADERS.clear(message);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        try {
            message.setBody(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answer", e);
        }
    }
}
