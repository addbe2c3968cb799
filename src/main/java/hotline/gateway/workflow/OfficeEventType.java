package hotline.gateway.workflow;

/** What an office, a dispatch desk, a supervisor or the hotline reports about a ticket. */
public enum OfficeEventType {
    /** 签收: the office takes the ticket. */
    SIGN,
    /** First contact with the citizen made. */
    CONTACT,
    /** A note on the work; changes nothing else. */
    PROGRESS,
    /** 退单: not our area or not our remit; the ticket goes back to a dispatch desk. */
    RETURN,
    /** A dispatch desk names the office that takes the ticket. */
    REASSIGN,
    /** 延期: the office asks for more days to resolve. */
    EXTEND_REQUEST,
    /** The district supervisor grants the days asked for. */
    EXTEND_APPROVE,
    /** The district supervisor refuses them. */
    EXTEND_REJECT,
    /** The office reports the result. */
    RESOLVE,
    /** 回访: the hotline records how satisfied the citizen is. */
    CALLBACK,
    /** The hotline closes the case. */
    CLOSE,
    /** A dispatch desk, or the office holding the ticket, corrects its need; routing stays a separate REASSIGN. */
    RECLASSIFY
}
