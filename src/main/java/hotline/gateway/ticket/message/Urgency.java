package hotline.gateway.ticket.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a dispatched ticket is URGENT, or that it is not: the rules that decided and their evidence. The model's danger
 * hint is not here (it never decides): it is the dispatch message's {@code dangerHint}.
 *
 * @param terms   the danger taxonomy's terms found in the text
 * @param reasons the programs that ask for action today, with their reasons
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Urgency(
        boolean urgent, List<UrgencyRule> rules, List<String> terms, List<String> reasons, boolean flaggedBySender) {

    public Urgency {
        rules = List.copyOf(rules);
        terms = List.copyOf(terms);
        reasons = List.copyOf(reasons);
    }

    /**
     * @param byTerms      the text's danger terms made it urgent
     * @param byAssessment an assistance program asks for action today
     */
    public static Urgency of(
            boolean byTerms, List<String> terms, boolean byAssessment, List<String> reasons, boolean flaggedBySender) {
        List<UrgencyRule> rules = new ArrayList<>();
        if (byTerms) {
            rules.add(UrgencyRule.DANGER_TERMS);
        }
        if (byAssessment) {
            rules.add(UrgencyRule.ASSESSMENT);
        }
        if (flaggedBySender) {
            rules.add(UrgencyRule.FLAGGED_BY_SENDER);
        }
        return new Urgency(!rules.isEmpty(), rules, terms, reasons, flaggedBySender);
    }
}
