package hotline.gateway.privacy;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The console's encoder, by LOG_FORMAT: {@code json} one masked JSON object per line ({@link MaskingJsonEncoder}),
 * anything else the masked text pattern. An unknown format is the text log, with a warning, never no log at all.
 */
public class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "text";
    private String pattern;
    private String serviceName = "hotline-gateway";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? "text" : format.trim();
    }

    /** The text log's pattern (with the masking conversion words). */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    /** Whether events are written as JSON. */
    public boolean json() {
        return format.toLowerCase(Locale.ROOT).equals("json");
    }

    @Override
    public void start() {
        if (json()) {
            MaskingJsonEncoder encoder = new MaskingJsonEncoder();
            encoder.setServiceName(serviceName);
            delegate = encoder;
        } else {
            if (!format.isEmpty() && !format.equalsIgnoreCase("text")) {
                addWarn("LOG_FORMAT '" + format + "' is neither text nor json: writing text");
            }
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setPattern(pattern);
            encoder.setCharset(StandardCharsets.UTF_8);
            delegate = encoder;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
