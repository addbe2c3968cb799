package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules may know of a household; every fact may be unknown (null).
 *
 * @param monthlyIncome       the whole household's monthly income, CNY
 * @param monthlyMedicalCosts medical costs the household pays itself each month, CNY
 * @param suddenHardship      a sudden crisis (fire, accident, grave illness) has left it in hardship now
 * @param hasLegalSupporter   someone is legally bound to support it (spouse, parent, adult child) and able to
 */
public record HouseholdFacts(
        Integer size,
        BigDecimal monthlyIncome,
        BigDecimal monthlyMedicalCosts,
        Boolean suddenHardship,
        Boolean hasLegalSupporter,
        List<Member> members) {

    public static final HouseholdFacts UNKNOWN = new HouseholdFacts(null, null, null, null, null, List.of());

    public HouseholdFacts {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /**
     * @param disabilityGrade 1 (most severe) to 4
     * @param unemployed      without work and looking for it
     * @param student         in school, college or vocational training
     */
    public record Member(
            Integer age,
            Integer disabilityGrade,
            Boolean chronicIllness,
            Boolean ableToWork,
            Boolean unemployed,
            Boolean student) {}
}
