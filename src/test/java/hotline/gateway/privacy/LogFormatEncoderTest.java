package hotline.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's two formats: JSON (one object per line) and text, both with phone and resident ID numbers masked. */
class LogFormatEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("some.library");

    private LoggingEvent event(String message, Throwable thrown) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, null);
        event.setMDCPropertyMap(Map.of("caller", "phone 13201501449"));
        return event;
    }

    private String encode(String format, LoggingEvent event) {
        context.putObject(
                ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY,
                new java.util.HashMap<>(Map.of(
                        "maskedMsg", MaskingMessageConverter.class.getName(),
                        "maskedEx", MaskingThrowableConverter.class.getName())));
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%5level %logger : %maskedMsg%n%maskedEx");
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void jsonIsOneMaskedObjectPerEvent() throws Exception {
        String line = encode(
                "json",
                event(
                        "failed for 13201501449 with id 310107196803119049 \"quoted\"\nsecond line",
                        new IllegalStateException("row (13201501449) rejected")));

        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("log.level").asText()).isEqualTo("WARN");
        assertThat(json.get("log.logger").asText()).isEqualTo("some.library");
        assertThat(json.get("service.name").asText()).isEqualTo("hotline-gateway");
        assertThat(json.get("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.get("message").asText())
                .isEqualTo("failed for 132****1449 with id 310***********9049 \"quoted\"\nsecond line");
        assertThat(json.get("error.type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(json.get("error.message").asText()).isEqualTo("row (132****1449) rejected");
        assertThat(json.get("error.stack_trace").asText()).contains("LogFormatEncoderTest", "132****1449");
        assertThat(json.get("caller").asText()).isEqualTo("phone 132****1449");
        assertThat(line).doesNotContain("13201501449", "310107196803119049");
    }

    @Test
    void textIsTheMaskedPatternAndTheDefault() {
        for (String format : new String[] {"text", "", "TEXT", "yaml"}) {
            String text = encode(format, event("call from 13201501449", new IllegalStateException("13201501449")));
            assertThat(text).as(format).startsWith(" WARN some.library : call from 132****1449\n");
            assertThat(text).as(format).doesNotContain("13201501449");
        }
    }

    @Test
    void jsonIsChosenWhateverItsCase() {
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setFormat(" JSON ");
        assertThat(encoder.json()).isTrue();
        encoder.setFormat("text");
        assertThat(encoder.json()).isFalse();
    }
}
