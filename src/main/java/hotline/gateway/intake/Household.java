package hotline.gateway.intake;

import java.math.BigDecimal;
import java.util.List;

/** The household's size, monthly income (CNY) and members, when the caller gave them. */
public record Household(Integer size, BigDecimal monthlyIncome, List<Member> members) {

    public record Member(Integer age, Integer disabilityGrade, Boolean chronicIllness) {
    }
}
