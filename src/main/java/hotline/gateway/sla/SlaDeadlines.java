package hotline.gateway.sla;

import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.assignment.TargetKind;
import hotline.gateway.assignment.TargetTimes;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.SlaView;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SLA policy and the working calendar, as the ticket workflow and the ticket views ask for them. */
public final class SlaDeadlines implements AssignmentDeadlines {

    private static final List<TargetKind> OFFICE_TARGETS =
            List.of(TargetKind.SIGN, TargetKind.CONTACT, TargetKind.RESOLVE);

    private final SlaPolicy policy;
    private final Deadlines deadlines;
    private final Extensions extensions;
    private final WorkingTime workingTime;
    private final SlaMeter meter;

    public SlaDeadlines(
            SlaPolicy policy, Deadlines deadlines, Extensions extensions, WorkingTime workingTime, SlaMeter meter) {
        this.policy = policy;
        this.deadlines = deadlines;
        this.extensions = extensions;
        this.workingTime = workingTime;
        this.meter = meter;
    }

    @Override
    public Map<TargetKind, TargetTimes> office(Priority priority, NeedCode need, Instant start) {
        Map<TargetKind, TargetTimes> targets = new EnumMap<>(TargetKind.class);
        for (TargetKind kind : OFFICE_TARGETS) {
            targets.put(kind, times(deadlines.deadline(kind, policy.span(priority, need, kind), start)));
        }
        return targets;
    }

    @Override
    public Map<TargetKind, TargetTimes> reopened(Priority priority, NeedCode need, Instant start) {
        TargetKind kind = TargetKind.RESOLVE;
        return Map.of(kind, times(deadlines.deadline(kind, policy.span(priority, need, kind), start)));
    }

    @Override
    public Map<TargetKind, TargetTimes> desk(Instant start) {
        TargetKind kind = TargetKind.REASSIGN;
        return Map.of(kind, times(deadlines.deadline(kind, policy.reassign(), start)));
    }

    @Override
    public int workingMinutes(Instant from, Instant to) {
        return (int) workingTime.workingBetween(from, to).toMinutes();
    }

    @Override
    public Extension extend(Instant assignmentStart, TargetTimes resolve, int days) {
        hotline.gateway.sla.Extension extension = extensions.extend(assignmentStart, resolve.dueAt(), days);
        Instant warnAt = deadlines.warnAt(assignmentStart, extension.dueAt(), TimeKind.WORKING);
        Duration added = workingTime.workingBetween(resolve.dueAt(), extension.dueAt());
        int granted = (int) (added.toMinutes() / policy.workingHours().perDay().toMinutes());
        return new Extension(resolve.movedTo(warnAt, extension.dueAt()), granted, extension.capped());
    }

    @Override
    public SlaView view(AssignmentRecord assignment, Instant now) {
        Map<String, SlaView.Target> targets = new LinkedHashMap<>();
        for (Map.Entry<TargetKind, TargetTimes> entry : assignment.targets().entrySet()) {
            TargetKind kind = entry.getKey();
            TargetTimes times = entry.getValue();
            TimeKind timeKind = timeKind(assignment, kind);
            Measurement m = meter.measure(timeKind, assignment.startedAt(), times.dueAt(), times.metAt(), now);
            targets.put(
                    kind.name(),
                    new SlaView.Target(
                            timeKind.name(),
                            times.dueAt(),
                            times.metAt(),
                            m.elapsed().toMinutes(),
                            m.remaining().toMinutes(),
                            m.breached()));
        }
        return new SlaView(
                due(assignment, TargetKind.SIGN),
                due(assignment, TargetKind.CONTACT),
                due(assignment, TargetKind.RESOLVE),
                due(assignment, TargetKind.REASSIGN),
                targets);
    }

    private TimeKind timeKind(AssignmentRecord assignment, TargetKind kind) {
        SlaSpan span = kind == TargetKind.REASSIGN
                ? policy.reassign()
                : policy.span(assignment.priority(), assignment.primaryNeed(), kind);
        return span.kind();
    }

    private static Instant due(AssignmentRecord assignment, TargetKind kind) {
        TargetTimes times = assignment.target(kind);
        return times == null ? null : times.dueAt();
    }

    private static TargetTimes times(Deadline deadline) {
        return TargetTimes.due(deadline.warnAt(), deadline.dueAt());
    }
}
