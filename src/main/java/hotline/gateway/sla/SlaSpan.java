package hotline.gateway.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a target may take, and whether that counts clock time or working time. Written for an officer:
 * "30 minutes", "2 hours" (clock time), "4 working hours", "5 working days" (working time; a working day is the
 * calendar's working hours per day).
 */
public record SlaSpan(Duration length, TimeKind kind) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,4})\\s+(working\\s+)?(minutes?|hours?|days?)");

    public static final String EXAMPLES = "e.g. '30 minutes', '2 hours', '4 working hours', '5 working days'";

    public SlaSpan {
        Objects.requireNonNull(kind, "kind");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("an SLA span must be positive: " + length);
        }
    }

    public static SlaSpan clock(Duration length) {
        return new SlaSpan(length, TimeKind.CLOCK);
    }

    public static SlaSpan working(Duration length) {
        return new SlaSpan(length, TimeKind.WORKING);
    }

    /**
     * Reads "N minutes|hours" or "N working minutes|hours|days". Clock days are refused: an officer who writes
     * "5 days" almost always means working days, and a silent calendar-day reading would be wrong by weekends.
     */
    public static SlaSpan parse(String text, Duration workingDay) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a span (" + EXAMPLES + ")");
        }
        long amount = Long.parseLong(m.group(1));
        boolean working = m.group(2) != null;
        String unit = m.group(3);
        Duration length;
        if (unit.startsWith("minute")) {
            length = Duration.ofMinutes(amount);
        } else if (unit.startsWith("hour")) {
            length = Duration.ofHours(amount);
        } else if (working) {
            length = workingDay.multipliedBy(amount);
        } else {
            throw new IllegalArgumentException("cannot read '" + text + "': say 'working days' (" + EXAMPLES + ")");
        }
        if (amount == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a positive span");
        }
        return new SlaSpan(length, working ? TimeKind.WORKING : TimeKind.CLOCK);
    }

    @Override
    public String toString() {
        return length + (kind == TimeKind.WORKING ? " working" : " clock");
    }
}
