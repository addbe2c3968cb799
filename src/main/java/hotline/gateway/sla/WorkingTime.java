package hotline.gateway.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Arithmetic in working time on a {@link WorkingCalendar}. Steps a day at a time, so fifteen working days across a
 * holiday week cost a few dozen steps, not a loop per minute.
 */
public final class WorkingTime {

    /** A calendar with no working day for ten years is broken; stop rather than loop forever. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public WorkingTime(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.hours().zone();
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * The instant when {@code workingTime} of work started at {@code start} is done. A start outside working hours
     * begins at the next working period; work that ends exactly at a day's close ends then (17:00, not 09:00 the
     * next working day).
     */
    public Instant plusWorking(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("negative working time: " + workingTime);
        }
        Duration remaining = workingTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, date = date.plusDays(1)) {
            Optional<WorkingInterval> day = calendar.workingInterval(date);
            if (day.isEmpty() || !start.isBefore(day.get().end())) {
                continue;
            }
            Instant from = later(start, day.get().start());
            Duration available = Duration.between(from, day.get().end());
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS_SEARCHED + " days after " + start);
    }

    /** Working time between two instants; negative when {@code to} is before {@code from}. */
    public Duration workingBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            Optional<WorkingInterval> day = calendar.workingInterval(date);
            if (day.isPresent()) {
                Instant start = later(from, day.get().start());
                Instant end = earlier(to, day.get().end());
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** {@code start} plus the span, in the span's own kind of time. */
    public Instant plus(Instant start, SlaSpan span) {
        return plus(start, span.length(), span.kind());
    }

    public Instant plus(Instant start, Duration length, TimeKind kind) {
        return kind == TimeKind.WORKING ? plusWorking(start, length) : start.plus(length);
    }

    /** Time between two instants in the given kind; negative when {@code to} is before {@code from}. */
    public Duration between(Instant from, Instant to, TimeKind kind) {
        return kind == TimeKind.WORKING ? workingBetween(from, to) : Duration.between(from, to);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
