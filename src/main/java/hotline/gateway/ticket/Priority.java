package hotline.gateway.ticket;

/** URGENT where life or safety is at risk or someone has no food or shelter today. */
public enum Priority {
    URGENT,
    NORMAL;

    /** JMS priority on the office's queue: urgent tickets are delivered first. */
    public int jmsPriority() {
        return this == URGENT ? 8 : 4;
    }
}
