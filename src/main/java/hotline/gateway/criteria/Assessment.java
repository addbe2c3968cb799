package hotline.gateway.criteria;

import java.time.LocalDate;
import java.util.List;

/**
 * Which programs a household may qualify for and why, under the criteria version and the day's values that
 * decided it. {@code urgent}: a program asks for action today (a sudden crisis).
 *
 * @param date the day whose parameter values applied: the day the request was received, in the city's time zone
 */
public record Assessment(String criteriaVersion, LocalDate date, boolean urgent, List<ProgramAssessment> programs) {

    public Assessment {
        programs = List.copyOf(programs);
    }

    /** False when no program serves the needs assessed: a ticket then carries no assessment. */
    public boolean hasPrograms() {
        return !programs.isEmpty();
    }

    /** Why the assessment is urgent, program by program: for the ticket's urgency evidence. */
    public List<String> urgencyReasons() {
        return programs.stream()
                .filter(program -> Boolean.TRUE.equals(program.urgent()))
                .map(program -> program.program() + ": " + String.join("; ", program.reasons()))
                .toList();
    }

    /**
     * @param name         the program's name for people, from its criteria file
     * @param missingFacts the request fields a visit must find out (household.monthlyIncome, ...)
     * @param urgent       true when this program asks for action today, else absent
     */
    public record ProgramAssessment(
            Program program,
            String name,
            Outcome outcome,
            List<String> reasons,
            List<String> missingFacts,
            Boolean urgent) {}
}
