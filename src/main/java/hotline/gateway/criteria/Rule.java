package hotline.gateway.criteria;

import java.util.List;

/** A program's rule: reads household facts and the parameter values in force, and concludes with its reasons. */
interface Rule {

    /** Every parameter it reads, its own and other programs': the criteria files must define each one. */
    List<ParameterRef> parameters();

    Finding assess(HouseholdFacts facts, ValuesInForce values);
}
