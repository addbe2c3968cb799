package hotline.gateway.outreach.rules;

/** Whom a label's rule speaks of: a person (with their household's facts beside), or a household as a whole. */
public enum LabelSubject {
    PERSON,
    HOUSEHOLD
}
