package hotline.gateway.workflow;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.TicketStatus;

/** A ticket row as the workflow changes it: state, flags and current office. */
final class TicketRecord {

    final long id;
    final String ticketNo;
    final Priority priority;
    NeedCode primaryNeed;
    TicketStatus status;
    int version;
    Assignment assignment;
    String district;
    int assignmentSeq;
    int reopened;
    boolean extended;
    boolean escalated;

    TicketRecord(
            long id,
            String ticketNo,
            Priority priority,
            NeedCode primaryNeed,
            TicketStatus status,
            int version,
            Assignment assignment,
            String district,
            int assignmentSeq,
            int reopened,
            boolean extended,
            boolean escalated) {
        this.id = id;
        this.ticketNo = ticketNo;
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
}
