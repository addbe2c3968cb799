package hotline.gateway.workflow;

/** The citizen's answer to the hotline's callback (回访). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
}
