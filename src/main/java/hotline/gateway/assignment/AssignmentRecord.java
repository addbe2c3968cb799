package hotline.gateway.assignment;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.ReturnReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One office's turn with a ticket (a ticket_assignment row): who, since when, its SLA targets, its extensions and
 * the callback on its resolution. Its changes are its own methods (a target met, warned or breached, a return, an
 * extension asked, approved or refused, a callback, the end of the turn); it is then written back whole.
 */
public final class AssignmentRecord {

    private final long ticketId;
    private final int seq;
    private final AssignmentLevel level;
    private final String code;
    private final String name;
    private final String districtCode;
    private final Priority priority;
    private NeedCode primaryNeed;
    private final String cause;
    private final Instant receivedAt;
    private final Instant startedAt;
    private final Map<TargetKind, TargetTimes> targets;
    private Instant endedAt;
    private String endCause;
    private ReturnReasonCode returnReasonCode;
    private String returnReason;
    private Integer extensionPendingDays;
    private int extensionsApproved;
    private int extensionsRejected;
    private int extensionDays;
    private String callbackResult;
    private Instant callbackAt;

    public AssignmentRecord(
            long ticketId,
            int seq,
            AssignmentLevel level,
            String code,
            String name,
            String districtCode,
            Priority priority,
            NeedCode primaryNeed,
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

    public Map<TargetKind, TargetTimes> targets() {
        return Collections.unmodifiableMap(targets);
    }

    /** The target is met now, if this turn has it and it was not met before; its working minutes kept for reports. */
    public void meet(TargetKind kind, Instant at, AssignmentDeadlines deadlines) {
        TargetTimes target = targets.get(kind);
        if (target != null && target.metAt() == null) {
            targets.put(kind, target.met(at, deadlines.workingMinutes(startedAt, at)));
        }
    }

    /** The sweep warned of this target; returns the target as it was. */
    public TargetTimes warn(TargetKind kind, Instant at) {
        TargetTimes target = targets.get(kind);
        targets.put(kind, target.warned(at));
        return target;
    }

    /** The sweep found this target's deadline passed; returns the target as it was. */
    public TargetTimes breach(TargetKind kind, Instant at) {
        TargetTimes target = targets.get(kind);
        targets.put(kind, target.breached(at));
        return target;
    }

    /** The office gave the ticket back (not its jurisdiction, say), with a code and its own words: its turn ends. */
    public void returned(ReturnReasonCode code, String reason, Instant at) {
        returnReasonCode = code;
        returnReason = reason;
        end(at, "RETURNED");
    }

    /** The desk sent the ticket on: its REASSIGN target is met and its turn ends. */
    public void reassigned(Instant at, AssignmentDeadlines deadlines) {
        meet(TargetKind.REASSIGN, at, deadlines);
        end(at, "REASSIGNED");
    }

    /**
     * The ticket's need was corrected: this turn's targets follow the need's spans from the turn's start (fresh),
     * keeping what was met, warned or breached.
     */
    public void reclassify(NeedCode need, Map<TargetKind, TargetTimes> fresh) {
        primaryNeed = need;
        fresh.forEach((kind, times) -> {
            TargetTimes now = targets.get(kind);
            targets.put(kind, now == null ? times : now.movedTo(times.warnAt(), times.dueAt()));
        });
    }

    public void requestExtension(int days) {
        extensionPendingDays = days;
    }

    /**
     * The desk approves the pending extension, for the days asked or fewer; the RESOLVE target moves within the
     * policy's cap. Empty when this turn has no RESOLVE target (a desk's turn).
     */
    public Optional<AssignmentDeadlines.Extension> approveExtension(Integer days, AssignmentDeadlines deadlines) {
        int asked = extensionPendingDays;
        int granted = days == null ? asked : Math.min(days, asked);
        extensionPendingDays = null;
        extensionsApproved++;
        TargetTimes resolve = targets.get(TargetKind.RESOLVE);
        if (resolve == null) {
            return Optional.empty();
        }
        AssignmentDeadlines.Extension extension = deadlines.extend(startedAt, resolve, granted);
        targets.put(TargetKind.RESOLVE, extension.resolve());
        extensionDays += extension.grantedDays();
        return Optional.of(extension);
    }

    public void rejectExtension() {
        extensionPendingDays = null;
        extensionsRejected++;
    }

    /** The hotline's callback to the citizen on the resolution (回访), with the citizen's answer. */
    public void recordCallback(String satisfaction, Instant at) {
        callbackResult = satisfaction;
        callbackAt = at;
    }

    /** This office's turn is over: closed, reopened, returned or reassigned. */
    public void end(Instant at, String cause) {
        endedAt = at;
        endCause = cause;
    }

    /** The values stored after the turn began, as read back from the database. */
    void restore(
            Instant endedAt,
            String endCause,
            ReturnReasonCode returnReasonCode,
            String returnReason,
            Integer extensionPendingDays,
            int extensionsApproved,
            int extensionsRejected,
            int extensionDays,
            String callbackResult,
            Instant callbackAt) {
        this.endedAt = endedAt;
        this.endCause = endCause;
        this.returnReasonCode = returnReasonCode;
        this.returnReason = returnReason;
        this.extensionPendingDays = extensionPendingDays;
        this.extensionsApproved = extensionsApproved;
        this.extensionsRejected = extensionsRejected;
        this.extensionDays = extensionDays;
        this.callbackResult = callbackResult;
        this.callbackAt = callbackAt;
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

    public Priority priority() {
        return priority;
    }

    public NeedCode primaryNeed() {
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

    /** Why the office returned the ticket, from the fixed list; null unless it did. */
    public ReturnReasonCode returnReasonCode() {
        return returnReasonCode;
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
