package hotline.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.web.Open311Replies.Format;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Open311RepliesTest {

    final Open311Replies replies = new Open311Replies();

    record Item(String service_code, String description, List<Map<String, Object>> attributes) {}

    @Test
    void xmlNamesAListForItsItemsAsTheSparkConventionDoes() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("key", "1");
        value.put("name", "一级");
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("code", "grade");
        attribute.put("values", List.of(value));
        String xml = text(replies.bytes(
                Format.XML,
                "services",
                List.of(new Item("A", null, List.of(attribute)), new Item("B", "x", List.of()))));
        assertThat(xml)
                .startsWith("<?xml")
                .contains("<services><service><service_code>A</service_code><description/>"
                        + "<attributes><attribute><code>grade</code><values><value><key>1</key><name>一级</name>"
                        + "</value></values></attribute></attributes></service>")
                .contains("<service><service_code>B</service_code><description>x</description><attributes/></service>")
                .endsWith("</services>");
    }

    @Test
    void anEmptyListIsAnEmptyElementAndJsonKeepsNulls() throws Exception {
        assertThat(text(replies.bytes(Format.XML, "service_requests", List.of())))
                .endsWith("<service_requests/>");
        String json = text(replies.bytes(Format.JSON, "services", List.of(new Item("A", null, List.of()))));
        assertThat(new ObjectMapper().readTree(json).get(0).get("description").isNull())
                .isTrue();
    }

    @Test
    void errorsAreAListOfCodeAndDescription() {
        String xml = text(replies.bytes(
                Format.XML, "errors", List.of(new Open311Replies.Open311Error(403, "api_key is required"))));
        assertThat(xml)
                .contains("<errors><error><code>403</code><description>api_key is required</description>"
                        + "</error></errors>");
        assertThat(Arrays.asList(Format.values()))
                .extracting(Format::contentType)
                .containsExactly("application/json; charset=utf-8", "text/xml; charset=utf-8");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
