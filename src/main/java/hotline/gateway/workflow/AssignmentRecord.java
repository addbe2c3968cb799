package hotline.gateway.workflow;

import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.sla.SweepDecision;
import hotline.gateway.sla.TargetKind;
import hotline.gateway.sla.TargetState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One office's turn with a ticket (a ticket_assignment row): who, since when, its SLA targets, its extensions and
 * the callback on its resolution. Changed in memory, then written back whole.
 */
public final class AssignmentRecord {

    private final long ticketId;
    private final int seq;
    private final AssignmentLevel level;
    private final String code;
    private final String name;
    private final String districtCode;
    private final String priority;
    private final String primaryNeed;
    private final String cause;
    private final Instant receivedAt;
    private final Instant startedAt;
    private final Map<TargetKind, TargetTimes> targets;
    Instant endedAt;
    String endCause;
    String returnReason;
    Integer extensionPendingDays;
    int extensionsApproved;
    int extensionsRejected;
    int extensionDays;
    String callbackResult;
    Instant callbackAt;

    public AssignmentRecord(
            long ticketId,
            int seq,
            AssignmentLevel level,
            String code,
            String name,
            String districtCode,
            String priority,
            String primaryNeed,
            String cause,
            Instant receivedAt,
            Instant startedAt,
            Map<TargetKind, TargetTimes> targets) {
        this.ticketId = ticketId;
        this.seq = seq;
        this.level = level;
        this.code = code;
        this.name = name;
        this.districtCode = districtCode;
        this.priority = priority;
        this.primaryNeed = primaryNeed;
        this.cause = cause;
        this.receivedAt = receivedAt;
        this.startedAt = startedAt;
        this.targets = new EnumMap<>(TargetKind.class);
        this.targets.putAll(targets);
    }

    /** The earliest moment the SLA sweep must look again (a pending warning or deadline); null when none is. */
    public Instant nextCheckAt() {
        return endedAt == null ? SweepDecision.nextCheckAt(targetStates()) : null;
    }

    /** The targets as the SLA sweep decides on them. */
    public List<TargetState> targetStates() {
        List<TargetState> states = new ArrayList<>();
        targets.forEach((kind, t) ->
                states.add(new TargetState(kind, t.warnAt(), t.dueAt(), t.metAt(), t.warnedAt(), t.breachedAt())));
        return states;
    }

    public TargetTimes target(TargetKind kind) {
        return targets.get(kind);
    }

    public void put(TargetKind kind, TargetTimes times) {
        targets.put(kind, times);
    }

    public Map<TargetKind, TargetTimes> targets() {
        return Collections.unmodifiableMap(targets);
    }

    public void end(Instant at, String cause) {
        endedAt = at;
        endCause = cause;
    }

    public long ticketId() {
        return ticketId;
    }

    public int seq() {
        return seq;
    }

    public AssignmentLevel level() {
        return level;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String districtCode() {
        return districtCode;
    }

    public String priority() {
        return priority;
    }

    public String primaryNeed() {
        return primaryNeed;
    }

    public String cause() {
        return cause;
    }

    /** When the hotline received the request: reports count a period's requests by it. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endCause() {
        return endCause;
    }

    public String returnReason() {
        return returnReason;
    }

    public Integer extensionPendingDays() {
        return extensionPendingDays;
    }

    public int extensionsApproved() {
        return extensionsApproved;
    }

    public int extensionsRejected() {
        return extensionsRejected;
    }

    public int extensionDays() {
        return extensionDays;
    }

    public String callbackResult() {
        return callbackResult;
    }

    public Instant callbackAt() {
        return callbackAt;
    }
}
