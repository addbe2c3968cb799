package hotline.gateway.sla;

/** How a span is counted: on the wall clock, or only within the calendar's working hours. */
public enum TimeKind {
    CLOCK,
    WORKING
}
