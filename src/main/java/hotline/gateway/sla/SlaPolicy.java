package hotline.gateway.sla;

import hotline.gateway.assignment.TargetKind;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.ticket.Priority;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SLA targets per priority, with optional overrides per need, the dispatch desk's reassignment span, the share
 * of a span after which a warning goes out, and how far an approved extension may take resolution.
 */
public final class SlaPolicy {

    private final WorkingHours workingHours;
    private final Map<Priority, TargetSpans> byPriority;
    private final Map<Priority, Map<NeedCode, TargetSpans>> byNeed;
    private final SlaSpan reassign;
    private final double warnAt;
    private final SlaSpan extensionMaximum;

    /** {@code byNeed} holds complete spans: the need's overrides already merged into its priority's. */
    public SlaPolicy(
            WorkingHours workingHours,
            Map<Priority, TargetSpans> byPriority,
            Map<Priority, Map<NeedCode, TargetSpans>> byNeed,
            SlaSpan reassign,
            double warnAt,
            SlaSpan extensionMaximum) {
        for (Priority priority : Priority.values()) {
            if (!byPriority.containsKey(priority)) {
                throw new IllegalArgumentException("no SLA targets for priority " + priority);
            }
        }
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new IllegalArgumentException("warn-at must be between 0 and 1 (exclusive): " + warnAt);
        }
        this.workingHours = Objects.requireNonNull(workingHours, "workingHours");
        this.byPriority = new EnumMap<>(byPriority);
        this.byNeed = new EnumMap<>(Priority.class);
        byNeed.forEach((priority, needs) -> this.byNeed.put(priority, new EnumMap<>(needs)));
        this.reassign = Objects.requireNonNull(reassign, "reassign");
        this.warnAt = warnAt;
        this.extensionMaximum = Objects.requireNonNull(extensionMaximum, "extensionMaximum");
    }

    /** The calendar's office hours; their length is what "1 working day" means in this policy. */
    public WorkingHours workingHours() {
        return workingHours;
    }

    /** The office's spans for a ticket; {@code need} null gives the priority's own spans. */
    public TargetSpans targets(Priority priority, NeedCode need) {
        Objects.requireNonNull(priority, "priority");
        if (need == null) {
            return byPriority.get(priority);
        }
        TargetSpans override = byNeed.getOrDefault(priority, Map.of()).get(need);
        return override != null ? override : byPriority.get(priority);
    }

    /** The span of any target kind; REASSIGN is the desk's, the same for every priority and need. */
    public SlaSpan span(Priority priority, NeedCode need, TargetKind kind) {
        return kind == TargetKind.REASSIGN ? reassign : targets(priority, need).span(kind);
    }

    /** How long a district or city dispatch desk has to reassign a returned or triaged ticket. */
    public SlaSpan reassign() {
        return reassign;
    }

    /** The share of a span (0 to 1, exclusive) after which a warning goes out. */
    public double warnAt() {
        return warnAt;
    }

    /** The longest resolution an approved extension may give, counted from the start of the assignment. */
    public SlaSpan extensionMaximum() {
        return extensionMaximum;
    }

    static Priority priority(String text) {
        try {
            return Priority.valueOf(
                    Objects.requireNonNull(text, "priority").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown priority '" + text + "' (URGENT or NORMAL)");
        }
    }

    static NeedCode needCode(String text) {
        try {
            return NeedCode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown need '" + text + "'");
        }
    }
}
