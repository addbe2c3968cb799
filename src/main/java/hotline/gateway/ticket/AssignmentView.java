package hotline.gateway.ticket;

import hotline.gateway.jurisdiction.Assignment;

/** Where a ticket was sent and which rule decided. */
public record AssignmentView(String level, String code, String name, String rule, String detail) {

    public static AssignmentView of(Assignment assignment) {
        return new AssignmentView(
                assignment.level().name(),
                assignment.code(),
                assignment.name(),
                assignment.rule().name(),
                assignment.detail());
    }
}
