package hotline.gateway.intake;

/** Where a service request came from; (source, external id) identifies it across retries. */
public enum Source {
    HOTLINE,
    COMMUNITY,
    OPEN311,
    DATA_MATCH
}
