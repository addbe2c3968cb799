package hotline.gateway.workflow;

import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.jurisdiction.OfficeCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may send which event for a ticket: the town office its own tickets' work, the dispatch desk the tickets at
 * the desk, the district supervisor (the district desk) the extensions of its district's tickets, the city desk
 * its own and any extension, and the hotline the callback and the close.
 */
public final class OfficeRights {

    private static final Set<OfficeEventType> TOWN_WORK = EnumSet.of(
            OfficeEventType.SIGN,
            OfficeEventType.CONTACT,
            OfficeEventType.PROGRESS,
            OfficeEventType.RETURN,
            OfficeEventType.EXTEND_REQUEST,
            OfficeEventType.RESOLVE,
            OfficeEventType.RECLASSIFY);
    private static final Set<OfficeEventType> DESK_WORK = EnumSet.of(
            OfficeEventType.REASSIGN, OfficeEventType.RETURN, OfficeEventType.PROGRESS, OfficeEventType.RECLASSIFY);
    private static final Set<OfficeEventType> SUPERVISION =
            EnumSet.of(OfficeEventType.EXTEND_APPROVE, OfficeEventType.EXTEND_REJECT);
    private static final Set<OfficeEventType> HOTLINE_WORK =
            EnumSet.of(OfficeEventType.CALLBACK, OfficeEventType.CLOSE);

    private OfficeRights() {}

    /**
     * @param office           the acting office
     * @param current          the ticket's current assignment
     * @param ticketDistrict   the district of the ticket's current office (null at the city desk)
     */
    public static boolean mayAct(OfficeCode office, OfficeEventType type, Assignment current, String ticketDistrict) {
        if (office.kind() == OfficeCode.Kind.HOTLINE) {
            return HOTLINE_WORK.contains(type);
        }
        boolean ownTicket = office.equals(current.office());
        if (current.level() == AssignmentLevel.TOWN && ownTicket && TOWN_WORK.contains(type)) {
            return true;
        }
        if (current.level() != AssignmentLevel.TOWN && ownTicket && DESK_WORK.contains(type)) {
            return true;
        }
        if (SUPERVISION.contains(type)) {
            return office.equals(OfficeCode.CITY) || office.value().equals(ticketDistrict);
        }
        return false;
    }
}
