package hotline.gateway.jurisdiction;

/**
 * Where a ticket goes and why. {@code detail} explains ambiguities and conflicts for the dispatch desk.
 */
public record Assignment(AssignmentLevel level, String code, String name, ResolutionRule rule, String detail) {

    public static final String CITY_CODE = OfficeCode.CITY.value();

    public static Assignment town(Town town, ResolutionRule rule) {
        return new Assignment(AssignmentLevel.TOWN, town.code(), town.name(), rule, null);
    }

    public static Assignment districtDesk(District district, ResolutionRule rule, String detail) {
        return new Assignment(AssignmentLevel.DISTRICT_DESK, district.code(), district.name(), rule, detail);
    }

    public static Assignment cityDesk(ResolutionRule rule, String detail) {
        return new Assignment(AssignmentLevel.CITY_DESK, CITY_CODE, "city desk", rule, detail);
    }

    /** The office that holds the ticket. */
    public OfficeCode office() {
        return new OfficeCode(code);
    }

    /** The district the office belongs to: a town's, a district desk's own; none (null) for the city desk. */
    public String districtCode() {
        return switch (level) {
            case TOWN -> code.substring(0, 6);
            case DISTRICT_DESK -> code;
            case CITY_DESK -> null;
        };
    }

    /** The broker queue of the office that receives the ticket. */
    public String queue() {
        return switch (level) {
            case TOWN -> "tickets." + code;
            case DISTRICT_DESK -> "triage." + code;
            case CITY_DESK -> "triage." + CITY_CODE;
        };
    }
}
