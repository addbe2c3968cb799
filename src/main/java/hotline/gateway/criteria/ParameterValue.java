package hotline.gateway.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value of a parameter and the period it is in force: from its start date to {@code until} (inclusive) or,
 * without one, to the next value's start.
 *
 * @param illustrative an example figure, not a published one: a city replaces it with its own
 */
public record ParameterValue(BigDecimal value, LocalDate from, LocalDate until, boolean illustrative) {

    /** "subsistence standard 1,330 (from 2021-07-01)": how a reason names the value it used. */
    public String cite(String label) {
        return label + " " + Amounts.format(value) + " (from " + from + ")";
    }

    boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }
}
