package hotline.gateway.criteria;

import java.time.LocalDate;

/** The parameter values in force on one day, as a rule reads them. */
final class ValuesInForce {

    private final Criteria criteria;
    private final LocalDate date;

    ValuesInForce(Criteria criteria, LocalDate date) {
        this.criteria = criteria;
        this.date = date;
    }

    /** The value in force; {@link NotInForceException} when the files give none for this day. */
    ParameterValue get(ParameterRef ref) {
        ParameterValue value =
                criteria.program(ref.program()).parameters().get(ref.name()).on(date);
        if (value == null) {
            throw new NotInForceException(ref, date);
        }
        return value;
    }

    /** No value of a parameter is in force on the day assessed: an officer decides, the gateway does not guess. */
    static final class NotInForceException extends RuntimeException {

        NotInForceException(ParameterRef ref, LocalDate date) {
            super("no " + ref.label() + " (" + ref + ") is in force on " + date);
        }
    }
}
