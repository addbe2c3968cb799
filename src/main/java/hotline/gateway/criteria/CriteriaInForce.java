package hotline.gateway.criteria;

import hotline.gateway.classification.NeedCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The programs and the parameter values in force on one day, under one criteria version. */
public record CriteriaInForce(LocalDate date, String criteriaVersion, List<ProgramInForce> programs) {

    public record ProgramInForce(
            Program program, String name, List<NeedCode> needs, Map<String, ParameterValue> parameters) {}
}
