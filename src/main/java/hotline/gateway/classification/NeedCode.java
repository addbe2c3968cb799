package hotline.gateway.classification;

/**
 * Classified need categories (see DESIGN.md, vocabulary "Need"). The first nine are social assistance needs;
 * {@link #URBAN_MANAGEMENT} covers noise, refuse, roads and illegal building; {@link #OTHER} means no need is
 * clear enough and the request goes to triage.
 */
public enum NeedCode {
    SUBSISTENCE,
    MEDICAL,
    EMERGENCY,
    ELDERLY_CARE,
    DISABILITY,
    EDUCATION,
    HOUSING,
    EMPLOYMENT,
    CHILD_WELFARE,
    URBAN_MANAGEMENT,
    OTHER
}
