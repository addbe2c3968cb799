package hotline.gateway.jurisdiction;

/** Who receives a ticket: a town-level office, a district dispatch desk or the city desk. */
public enum AssignmentLevel {
    TOWN,
    DISTRICT_DESK,
    CITY_DESK
}
