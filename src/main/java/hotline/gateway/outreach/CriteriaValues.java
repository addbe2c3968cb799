package hotline.gateway.outreach;

import hotline.gateway.criteria.Criteria;
import hotline.gateway.criteria.CriteriaInForce;
import hotline.gateway.criteria.ParameterValue;
import hotline.gateway.criteria.Program;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named values label rules may use, from the criteria in force on a day (the same effective-dated values the
 * assessor uses): subsistence_standard, minor_standard, low_income_line (the standard × the low-income multiple) and
 * subdistrict_line (the standard × the sub-district multiple). A value whose parameter is not in force is absent.
 */
public final class CriteriaValues {

    private CriteriaValues() {}

    public static Map<String, BigDecimal> on(Criteria criteria, LocalDate date) {
        CriteriaInForce inForce = criteria.inForce(date);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        BigDecimal standard = value(inForce, Program.SUBSISTENCE_ALLOWANCE, "income-standard");
        BigDecimal minor = value(inForce, Program.SUBSISTENCE_ALLOWANCE, "minor-income-standard");
        BigDecimal lowMultiple = value(inForce, Program.LOW_INCOME_FAMILY, "income-multiple");
        BigDecimal subMultiple = value(inForce, Program.SUBDISTRICT_ASSISTANCE, "income-multiple");
        put(values, "subsistence_standard", standard);
        put(values, "minor_standard", minor);
        put(values, "low_income_line", standard == null || lowMultiple == null ? null : standard.multiply(lowMultiple));
        put(
                values,
                "subdistrict_line",
                standard == null || subMultiple == null ? null : standard.multiply(subMultiple));
        return values;
    }

    /** The names, with placeholder values, for checking label files before a day's values are known. */
    public static Map<String, BigDecimal> names() {
        Map<String, BigDecimal> names = new LinkedHashMap<>();
        for (String name :
                new String[] {"subsistence_standard", "minor_standard", "low_income_line", "subdistrict_line"}) {
            names.put(name, BigDecimal.ONE);
        }
        return names;
    }

    private static BigDecimal value(CriteriaInForce inForce, Program program, String parameter) {
        return inForce.programs().stream()
                .filter(p -> p.program() == program)
                .map(p -> p.parameters().get(parameter))
                .filter(v -> v != null)
                .map(ParameterValue::value)
                .findFirst()
                .orElse(null);
    }

    private static void put(Map<String, BigDecimal> values, String name, BigDecimal value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
