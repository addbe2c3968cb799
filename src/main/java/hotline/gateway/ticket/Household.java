package hotline.gateway.ticket;

import java.math.BigDecimal;
import java.util.List;

/**
 * The household's size, monthly income (CNY) and members, when the caller gave them; the facts after members are
 * optional and serve the assistance criteria (see criteria.HouseholdFacts for their meaning).
 */
public record Household(
        Integer size,
        BigDecimal monthlyIncome,
        List<Member> members,
        BigDecimal monthlyMedicalCosts,
        Boolean suddenHardship,
        Boolean hasLegalSupporter) {

    public record Member(
            Integer age,
            Integer disabilityGrade,
            Boolean chronicIllness,
            Boolean ableToWork,
            Boolean unemployed,
            Boolean student) {}
}
