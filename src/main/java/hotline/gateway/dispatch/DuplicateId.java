package hotline.gateway.dispatch;

import hotline.gateway.assignment.TargetKind;

/**
 * Artemis's duplicate id (_AMQ_DUPL_ID) of an outbox message: derived from what the message is about, so that the
 * same message written twice, or sent again after a crash, is one message. Every kind is named here.
 */
public record DuplicateId(String value) {

    /** A ticket dispatched to an office, in a version (1 at intake; each return, reassignment or reopening adds 1). */
    public static DuplicateId dispatch(String ticketNo, int version) {
        return new DuplicateId(ticketNo + ":" + version);
    }

    /** The DISPATCHED change on ticket-updates, sent with the dispatch it announces. */
    public static DuplicateId dispatched(String ticketNo, int version) {
        return new DuplicateId(dispatch(ticketNo, version).value + ":dispatched");
    }

    /** A change on ticket-updates caused by an office's event (the event's row id). */
    public static DuplicateId update(String ticketNo, long eventRowId) {
        return new DuplicateId(ticketNo + ":event:" + eventRowId);
    }

    /** A change on ticket-updates caused by the SLA sweep: a warning or an escalation of one target. */
    public static DuplicateId slaUpdate(String ticketNo, int assignmentSeq, TargetKind target, String eventType) {
        return new DuplicateId(ticketNo + ":sla:" + assignmentSeq + ":" + target + ":" + eventType);
    }

    /** The SLA_WARNING of one target of one assignment, to the office's queue. */
    public static DuplicateId warning(String ticketNo, int assignmentSeq, TargetKind target) {
        return new DuplicateId(ticketNo + ":warning:" + assignmentSeq + ":" + target);
    }

    /** The SLA_BREACH of one target of one assignment, to the district's escalations. */
    public static DuplicateId breach(String ticketNo, int assignmentSeq, TargetKind target) {
        return new DuplicateId(ticketNo + ":breach:" + assignmentSeq + ":" + target);
    }

    /** The second look's DANGER_HINT about a ticket, to the queue holding it: one per ticket. */
    public static DuplicateId dangerHint(String ticketNo) {
        return new DuplicateId(ticketNo + ":danger-hint");
    }

    @Override
    public String toString() {
        return value;
    }
}
