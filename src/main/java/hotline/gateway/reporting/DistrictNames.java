package hotline.gateway.reporting;

import hotline.gateway.jurisdiction.District;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * District names by code, from the jurisdiction directory (config/districts.csv, read once): report rows and filters
 * name districts, the database does not.
 */
public final class DistrictNames {

    /** The group of the city desk, which has no district. */
    public static final String CITY = "city";

    private final Map<String, String> names;

    public DistrictNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static DistrictNames of(JurisdictionDirectory directory) {
        Map<String, String> names = new LinkedHashMap<>();
        for (District district : directory.districts()) {
            names.put(district.code(), district.name());
        }
        return new DistrictNames(names);
    }

    public boolean contains(String code) {
        return names.containsKey(code);
    }

    /** The district's name; 市级 for the city desk; null when unknown. */
    public String name(String code) {
        return CITY.equals(code) ? "市级" : names.get(code);
    }
}
