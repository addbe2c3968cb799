package hotline.gateway.workflow;

import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.ticket.TicketStatus;

/** A ticket row as the workflow changes it: state, flags and current office. */
public final class TicketRecord {

    final long id;
    final String ticketNo;
    final long requestId;
    final String priority;
    final String primaryNeed;
    TicketStatus status;
    int version;
    Assignment assignment;
    String district;
    int assignmentSeq;
    int reopened;
    boolean extended;
    boolean escalated;

    TicketRecord(long id, String ticketNo, long requestId, String priority, String primaryNeed, TicketStatus status,
                 int version, Assignment assignment, String district, int assignmentSeq, int reopened,
                 boolean extended, boolean escalated) {
        this.id = id;
        this.ticketNo = ticketNo;
        this.requestId = requestId;
        this.priority = priority;
        this.primaryNeed = primaryNeed;
        this.status = status;
        this.version = version;
        this.assignment = assignment;
        this.district = district;
        this.assignmentSeq = assignmentSeq;
        this.reopened = reopened;
        this.extended = extended;
        this.escalated = escalated;
    }

    public long id() {
        return id;
    }

    public String ticketNo() {
        return ticketNo;
    }

    public TicketStatus status() {
        return status;
    }

    public Assignment assignment() {
        return assignment;
    }

    public String district() {
        return district;
    }

    public int assignmentSeq() {
        return assignmentSeq;
    }

    public String priority() {
        return priority;
    }

    public boolean escalated() {
        return escalated;
    }
}
