package hotline.gateway.sla;

/** A calendar exception: a public holiday on a weekday, or a make-up workday (调休) on a weekend. */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
