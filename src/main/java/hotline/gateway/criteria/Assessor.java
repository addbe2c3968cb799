package hotline.gateway.criteria;

import hotline.gateway.classification.NeedCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Assesses a household against every program that serves one of its needs, with the values of one day. */
public final class Assessor {

    private final Criteria criteria;
    private final ZoneId zone;

    /** @param zone the city's time zone: a request received at 23:30 local time is assessed under that day */
    public Assessor(Criteria criteria, ZoneId zone) {
        this.criteria = criteria;
        this.zone = zone;
    }

    /** Under the values in force on the day the request was received, in the city's time zone. */
    public Assessment assess(Collection<NeedCode> needs, HouseholdFacts facts, OffsetDateTime receivedAt) {
        return assess(needs, facts, receivedAt.atZoneSameInstant(zone).toLocalDate());
    }

    public Assessment assess(Collection<NeedCode> needs, HouseholdFacts facts, LocalDate date) {
        HouseholdFacts known = facts == null ? HouseholdFacts.UNKNOWN : facts;
        ValuesInForce values = new ValuesInForce(criteria, date);
        List<Assessment.ProgramAssessment> programs = new ArrayList<>();
        boolean urgent = false;
        for (ProgramCriteria program : criteria.serving(needs)) {
            Finding finding = assess(program.program(), known, values);
            urgent |= finding.urgent();
            programs.add(new Assessment.ProgramAssessment(
                    program.program(),
                    program.name(),
                    finding.outcome(),
                    finding.reasons(),
                    finding.missingFacts(),
                    finding.urgent() ? Boolean.TRUE : null));
        }
        return new Assessment(criteria.version(), date, urgent, programs);
    }

    private static Finding assess(Program program, HouseholdFacts facts, ValuesInForce values) {
        try {
            return Rules.of(program).assess(facts, values);
        } catch (ValuesInForce.NotInForceException e) {
            return Finding.missing(List.of(), List.of(e.getMessage()));
        }
    }
}
