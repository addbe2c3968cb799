package hotline.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes Open311 GeoReport v2 answers in the format the path asks for: JSON ({@code .json}, application/json) or XML
 * ({@code .xml}, text/xml, the Spark convention: a list is an element named for the list holding one element per item,
 * named for the item: {@code <services><service>…}), both UTF-8. Fields without a value are null in JSON and empty
 * elements in XML, as in the spec's examples.
 */
public class Open311Replies {

    /** The format of an Open311 path: its extension. */
    public enum Format {
        JSON("application/json; charset=utf-8"),
        XML("text/xml; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    private static final ReplyHeaders REPLY_HEADERS = new ReplyHeaders("Retry-After");

    /** A list's element name → its items' element name (GeoReport v2 and service discovery). */
    private static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private final ObjectMapper json = new ObjectMapper();
    private final XmlMapper xml = XmlMapper.builder()
            .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
            .build();

    /**
     * An answer with this status.
     *
     * @param root the XML root element: the list's name for a list (services, service_requests), the document's
     *     otherwise (service_definition, discovery)
     */
    public void reply(Exchange exchange, int status, Format format, String root, Object body) {
        Message message = exchange.getMessage();
        // Request headers would be echoed back (a query string's api_key among them): only the answer's own survive.
        REPLY_HEADERS.clear(message);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, format.contentType());
        message.setBody(bytes(format, root, body));
    }

    /** An error answer written straight to the servlet response (for refusals before any route runs). */
    public void write(HttpServletResponse response, int status, Format format, List<Open311Error> errors)
            throws IOException {
        response.setStatus(status);
        response.setContentType(format.contentType());
        response.getOutputStream().write(bytes(format, "errors", errors));
    }

    byte[] bytes(Format format, String root, Object body) {
        JsonNode tree = json.valueToTree(body);
        try {
            if (format == Format.JSON) {
                return json.writeValueAsBytes(tree);
            }
            JsonNode shaped = tree.isArray() ? items(root, (ArrayNode) tree) : shape(tree);
            return xml.writer().withRootName(root).writeValueAsBytes(shaped);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Open311 answer", e);
        }
    }

    /** A list as its element: one child element per item, named for the item. */
    private JsonNode items(String listName, ArrayNode list) {
        ObjectNode element = JsonNodeFactory.instance.objectNode();
        String item = ITEMS.getOrDefault(listName, "item");
        ArrayNode items = element.putArray(item);
        list.forEach(value -> items.add(shape(value)));
        return element;
    }

    private JsonNode shape(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode shaped = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            shaped.set(field.getKey(), value.isArray() ? items(field.getKey(), (ArrayNode) value) : shape(value));
        }
        return shaped;
    }

    /** One entry of an errors answer: GeoReport v2's code (the HTTP status) and a description for the user. */
    public record Open311Error(int code, String description) {}
}
