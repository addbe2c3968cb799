package hotline.gateway.outreach;

import static hotline.gateway.outreach.FeedField.optional;
import static hotline.gateway.outreach.FeedField.required;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The six department feeds and their fields (docs/outreach-feeds.md). Every row names a person by resident ID number
 * ({@code id_number}); the population feed also names the household and where it lives.
 */
public enum Feed {
    POPULATION(
            "population",
            "实有人口 (actual population)",
            List.of(
                    required("household_no", "household", FieldType.HOUSEHOLD_NO),
                    optional("birth_date", "birth_date", FieldType.DATE),
                    required("community_code", "community_code", FieldType.COMMUNITY_CODE),
                    required("address", "address", FieldType.TEXT),
                    optional("living_alone", "living_alone", FieldType.BOOLEAN),
                    optional("name", "name", FieldType.TEXT),
                    optional("phone", "phone", FieldType.TEXT))),
    CIVIL_AFFAIRS(
            "civil-affairs",
            "民政 (civil affairs)",
            List.of(
                    required("program", "program", FieldType.PROGRAM),
                    required("since", "since", FieldType.DATE),
                    optional("until", "until", FieldType.DATE),
                    optional("assessed_income", "assessed_income", FieldType.AMOUNT))),
    HEALTH(
            "health",
            "卫健/医保 (health care)",
            List.of(
                    optional("chronic_illness", "chronic_illness", FieldType.BOOLEAN),
                    optional("severe_illness", "severe_illness", FieldType.BOOLEAN),
                    optional("hospital_days", "hospital_days", FieldType.COUNT),
                    optional("out_of_pocket", "medical_costs_monthly", FieldType.AMOUNT),
                    optional("period_months", null, FieldType.COUNT))),
    HR_SOCIAL_SECURITY(
            "hr-social-security",
            "人社 (human resources and social security)",
            List.of(
                    optional("registered_unemployed", "unemployed", FieldType.BOOLEAN),
                    optional("pension", "pension", FieldType.AMOUNT),
                    optional("benefits", "benefits", FieldType.AMOUNT),
                    optional("employment_assistance", "employment_assistance", FieldType.BOOLEAN))),
    EDUCATION(
            "education",
            "教育 (education)",
            List.of(
                    optional("student", "student", FieldType.BOOLEAN),
                    optional("fee_waiver", "fee_waiver", FieldType.BOOLEAN),
                    optional("grant", "education_grant", FieldType.BOOLEAN),
                    optional("monthly_costs", "education_costs_monthly", FieldType.AMOUNT))),
    DISABILITY(
            "disability",
            "残联 (disabled persons' federation)",
            List.of(
                    required("grade", "disability_grade", FieldType.GRADE),
                    optional("kind", "disability_kind", FieldType.TEXT)));

    /** Every feed's person field. */
    static final FeedField ID_NUMBER = required("id_number", "person", FieldType.RESIDENT_ID);

    private final String id;
    private final String title;
    private final List<FeedField> fields;

    Feed(String id, String title, List<FeedField> fields) {
        this.id = id;
        this.title = title;
        this.fields = fields;
    }

    /** The feed's name in paths, folders and client scopes: population, civil-affairs, ... */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The fields after id_number. */
    List<FeedField> fields() {
        return fields;
    }

    public static Optional<Feed> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Feed::id).toList();
    }
}
