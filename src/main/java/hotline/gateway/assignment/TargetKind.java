package hotline.gateway.assignment;

/**
 * What an SLA target measures: an office signs for a ticket (签收), first contacts the citizen, resolves it; or a
 * dispatch desk reassigns a returned or triaged ticket.
 */
public enum TargetKind {
    SIGN,
    CONTACT,
    RESOLVE,
    REASSIGN
}
