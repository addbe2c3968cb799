package hotline.gateway.reporting;

/**
 * How an SLA report groups its rows. Each grouping is a fixed SQL expression over an assignment row ({@code a}) and
 * the parameters ({@code p}); never text from the request.
 */
public enum GroupBy {

    /** The office of the assignment: a town, a district desk or the city desk. */
    TOWN("a.code", "a.name", "a.level", "a.district_code"),
    /** The district of the office; the city desk is its own group, {@code city}. */
    DISTRICT("coalesce(a.district_code, 'city')", "NULL::text", "NULL::text", "a.district_code"),
    /** The primary need the assignment was made for. */
    NEED("a.primary_need", "NULL::text", "NULL::text", "NULL::text"),
    /** The day the hotline received the request, in the report's time zone. */
    DAY("((a.received_at AT TIME ZONE p.zone)::date)::text", "NULL::text", "NULL::text", "NULL::text");

    private final String key;
    private final String name;
    private final String level;
    private final String district;

    GroupBy(String key, String name, String level, String district) {
        this.key = key;
        this.name = name;
        this.level = level;
        this.district = district;
    }

    String keySql() {
        return key;
    }

    String nameSql() {
        return name;
    }

    String levelSql() {
        return level;
    }

    String districtSql() {
        return district;
    }

    public String parameterValue() {
        return name().toLowerCase();
    }
}
