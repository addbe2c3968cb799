package hotline.gateway.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.GatewayClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * An Open311 GeoReport v2 client as the spec describes one, knowing nothing of the gateway's classes: resources under
 * the endpoint with the format as extension, arguments in the query string, a POST as a form
 * (application/x-www-form-urlencoded; charset=utf-8) with the api_key among its fields; answers read with a generic
 * JSON tree and a DOM parser. It sends no other credentials, from a client address of its own (so the keys it gets
 * wrong count against no other test).
 */
final class GeoReportClient {

    static final String ENDPOINT = "/open311/v2/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayClient http;

    GeoReportClient(int port) {
        this.http = new GatewayClient(port).anonymous().from("127.0.31.1");
    }

    /** GET resource.format?name=value&... (arguments as name, value pairs). */
    Answer get(String resource, String format, String... arguments) {
        String query = form(arguments);
        return answer(http.get(ENDPOINT + resource + "." + format + (query.isEmpty() ? "" : "?" + query)));
    }

    /** POST requests.format with these fields (name, value pairs). */
    Answer post(String format, String... fields) {
        return answer(http.post(
                ENDPOINT + "requests." + format, "application/x-www-form-urlencoded; charset=utf-8", form(fields)));
    }

    /** POST with a body of another kind, for the refusals. */
    Answer postRaw(String format, String contentType, String body) {
        return answer(http.post(ENDPOINT + "requests." + format, contentType, body));
    }

    static String form(String... pairs) {
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            encoded.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", encoded);
    }

    private static Answer answer(GatewayClient.Response response) {
        return new Answer(response.status(), response.contentType(), response.body(), response.header("Retry-After"));
    }

    record Answer(int status, String contentType, String body, String retryAfter) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Element xml() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document document = factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                return document.getDocumentElement();
            } catch (ParserConfigurationException | SAXException | IOException e) {
                throw new IllegalStateException("not XML: " + body, e);
            }
        }
    }

    /** The element children of an element with this name. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The text of the one child element with this name; null when there is none. */
    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
