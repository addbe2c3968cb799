package hotline.gateway.outreach.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a label's rule may use: a person's facts (person labels only; table alias {@code p}), the household's
 * facts as {@code household.*} (alias {@code h}), and named values from the criteria in force on the day of the run
 * (subsistence_standard, minor_standard, low_income_line), bound as parameters. docs/outreach.md lists them.
 */
public final class RegisterVocabulary implements Vocabulary {

    private static final Map<String, Term> PERSON = new LinkedHashMap<>();
    private static final Map<String, Term> HOUSEHOLD = new LinkedHashMap<>();

    static {
        person("age", "p.age", Type.NUMBER);
        person("living_alone", "p.living_alone", Type.BOOLEAN);
        person("chronic_illness", "p.chronic_illness", Type.BOOLEAN);
        person("severe_illness", "p.severe_illness", Type.BOOLEAN);
        person("hospital_days", "p.hospital_days", Type.NUMBER);
        person("medical_costs", "p.medical_costs_monthly", Type.NUMBER);
        person("unemployed", "p.unemployed", Type.BOOLEAN);
        person("pension", "p.pension", Type.NUMBER);
        person("benefits", "p.benefits", Type.NUMBER);
        person("employment_assistance", "p.employment_assistance", Type.BOOLEAN);
        person("student", "p.student", Type.BOOLEAN);
        person("fee_waiver", "p.fee_waiver", Type.BOOLEAN);
        person("education_grant", "p.education_grant", Type.BOOLEAN);
        person("education_costs", "p.education_costs_monthly", Type.NUMBER);
        person("disability_grade", "p.disability_grade", Type.NUMBER);
        person("disabled", "(p.disability_grade IS NOT NULL)", Type.BOOLEAN);
        person("temporary_assistance", "('TEMPORARY_ASSISTANCE' = ANY(p.programs))", Type.BOOLEAN);
        household("household.size", "h.size", Type.NUMBER);
        household("household.minors", "h.minors", Type.NUMBER);
        household("household.elderly", "h.elderly", Type.NUMBER);
        household("household.income", "h.income", Type.NUMBER);
        household("household.income_known", "(h.income IS NOT NULL)", Type.BOOLEAN);
        household("household.income_assessed", "(h.income_source = 'ASSESSED')", Type.BOOLEAN);
        household("household.per_capita_income", "h.per_capita_income", Type.NUMBER);
        household("household.medical_costs", "h.medical_costs_monthly", Type.NUMBER);
        household("household.education_costs", "h.education_costs_monthly", Type.NUMBER);
        household(
                "household.students",
                "(SELECT count(*) FROM jsonb_array_elements(h.members) m WHERE (m->>'student')::boolean)",
                Type.NUMBER);
        household(
                "household.unemployed",
                "(SELECT count(*) FROM jsonb_array_elements(h.members) m WHERE (m->>'unemployed')::boolean)",
                Type.NUMBER);
        household(
                "household.severely_disabled",
                "(SELECT count(*) FROM jsonb_array_elements(h.members) m WHERE (m->>'disabilityGrade')::int <= 2)",
                Type.NUMBER);
        household("household.receives_subsistence", "('SUBSISTENCE_ALLOWANCE' = ANY(h.receives))", Type.BOOLEAN);
        household("household.receives_low_income", "('LOW_INCOME_FAMILY' = ANY(h.receives))", Type.BOOLEAN);
        household("household.receives_special_hardship", "('SPECIAL_HARDSHIP' = ANY(h.receives))", Type.BOOLEAN);
        household("household.receives_temporary", "('TEMPORARY_ASSISTANCE' = ANY(h.receives))", Type.BOOLEAN);
        household("household.receives_anything", "(cardinality(h.receives) > 0)", Type.BOOLEAN);
    }

    private final LabelSubject subject;
    private final Map<String, BigDecimal> values;

    /** @param values named values (subsistence_standard, low_income_line, ...) for the day of the run */
    public RegisterVocabulary(LabelSubject subject, Map<String, BigDecimal> values) {
        this.subject = subject;
        this.values = Map.copyOf(values);
    }

    @Override
    public Term resolve(String name) {
        if (subject == LabelSubject.PERSON && PERSON.containsKey(name)) {
            return PERSON.get(name);
        }
        if (HOUSEHOLD.containsKey(name)) {
            return HOUSEHOLD.get(name);
        }
        BigDecimal value = values.get(name);
        return value == null ? null : new Term("CAST(? AS numeric)", Type.NUMBER, List.of(value));
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (subject == LabelSubject.PERSON) {
            names.addAll(PERSON.keySet());
        }
        names.addAll(HOUSEHOLD.keySet());
        names.addAll(values.keySet().stream().sorted().toList());
        return names;
    }

    private static void person(String name, String sql, Type type) {
        PERSON.put(name, Term.column(sql, type));
    }

    private static void household(String name, String sql, Type type) {
        HOUSEHOLD.put(name, Term.column(sql, type));
    }
}
