package hotline.gateway.assignment;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.SlaView;
import java.time.Instant;
import java.util.Map;

/**
 * The SLA policy and working calendar as the workflow needs them: targets of a new assignment, working time, and how
 * targets stand.
 */
public interface AssignmentDeadlines {

    /** The targets of a new assignment: a town office's, or a dispatch desk's. */
    default Map<TargetKind, TargetTimes> of(Assignment assignment, Priority priority, NeedCode need, Instant start) {
        return assignment.level() == AssignmentLevel.TOWN ? office(priority, need, start) : desk(start);
    }

    /** A town office's SIGN, CONTACT and RESOLVE targets from the start of its assignment. */
    Map<TargetKind, TargetTimes> office(Priority priority, NeedCode need, Instant start);

    /** A reopened ticket's RESOLVE target, from the reopening. */
    Map<TargetKind, TargetTimes> reopened(Priority priority, NeedCode need, Instant start);

    /** A dispatch desk's REASSIGN target. */
    Map<TargetKind, TargetTimes> desk(Instant start);

    /** Working minutes between two instants, for reports. */
    int workingMinutes(Instant from, Instant to);

    /** The RESOLVE target moved by an approved extension of the given working days, within the policy's cap. */
    Extension extend(Instant assignmentStart, TargetTimes resolve, int days);

    /** How the assignment's targets stand now, for the API. */
    SlaView view(AssignmentRecord assignment, Instant now);

    /** An extension as granted: the moved target and the working days it really added. */
    record Extension(TargetTimes resolve, int grantedDays, boolean capped) {}
}
