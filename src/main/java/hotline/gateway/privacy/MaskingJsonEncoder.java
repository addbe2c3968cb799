package hotline.gateway.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log event, on one line, for log shippers (LOG_FORMAT=json): field names after the Elastic Common
 * Schema ({@code @timestamp}, {@code log.level}, {@code log.logger}, {@code message}, {@code error.stack_trace}, ...).
 * The message, the MDC values and the exception pass through the same mask as the text log's (phone and resident ID
 * numbers); a stack trace stays in its one event, its line breaks escaped.
 */
public class MaskingJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] NOTHING = new byte[0];

    private String serviceName = "hotline-gateway";

    /** The {@code service.name} field (logback-spring.xml sets it from spring.application.name). */
    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField(
                    "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("log.level", event.getLevel().toString());
            json.writeStringField("log.logger", event.getLoggerName());
            json.writeStringField("process.thread.name", event.getThreadName());
            json.writeStringField("service.name", serviceName);
            json.writeStringField("message", PersonalData.maskText(event.getFormattedMessage()));
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    json.writeStringField(entry.getKey(), PersonalData.maskText(entry.getValue()));
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.writeStringField("error.type", thrown.getClassName());
                json.writeStringField("error.message", PersonalData.maskText(thrown.getMessage()));
                json.writeStringField("error.stack_trace", PersonalData.maskText(ThrowableProxyUtil.asString(thrown)));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
