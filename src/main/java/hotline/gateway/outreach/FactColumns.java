package hotline.gateway.outreach;

import java.util.List;

/** The columns of outreach_fact in the order a load writes them (COPY). */
final class FactColumns {

    static final List<String> ALL = List.of(
            "feed",
            "snapshot_date",
            "person",
            "line_no",
            "household",
            "birth_date",
            "living_alone",
            "community_code",
            "town_code",
            "address",
            "name",
            "phone",
            "program",
            "since",
            "until",
            "assessed_income",
            "chronic_illness",
            "severe_illness",
            "hospital_days",
            "medical_costs_monthly",
            "unemployed",
            "pension",
            "benefits",
            "employment_assistance",
            "student",
            "fee_waiver",
            "education_grant",
            "education_costs_monthly",
            "disability_grade",
            "disability_kind");

    private FactColumns() {}

    static int index(String column) {
        int index = ALL.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no fact column " + column);
        }
        return index;
    }
}
