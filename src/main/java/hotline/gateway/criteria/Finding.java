package hotline.gateway.criteria;

import java.util.List;

/** What one rule concluded: the outcome, the reasons for people, the facts it missed, and whether it is urgent. */
record Finding(Outcome outcome, List<String> reasons, List<String> missingFacts, boolean urgent) {

    Finding {
        reasons = List.copyOf(reasons);
        missingFacts = List.copyOf(missingFacts);
    }

    static Finding of(Outcome outcome, List<String> reasons) {
        return new Finding(outcome, reasons, List.of(), false);
    }

    static Finding eligible(String... reasons) {
        return of(Outcome.ELIGIBLE, List.of(reasons));
    }

    static Finding likely(String... reasons) {
        return of(Outcome.LIKELY, List.of(reasons));
    }

    static Finding notEligible(String... reasons) {
        return of(Outcome.NOT_ELIGIBLE, List.of(reasons));
    }

    static Finding missing(List<String> facts, List<String> reasons) {
        return new Finding(Outcome.NEEDS_ASSESSMENT, reasons, facts, false);
    }

    Finding markedUrgent() {
        return new Finding(outcome, reasons, missingFacts, true);
    }
}
