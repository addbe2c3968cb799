package hotline.gateway.intake;

/** Where a service request came from; (source, external id) identifies it across retries. */
public enum Source {
    HOTLINE("callId"),
    COMMUNITY("reportId"),
    OPEN311("service_request_id"),
    DATA_MATCH("findingId");

    private final String idField;

    Source(String idField) {
        this.idField = idField;
    }

    /** The client's name of the external id field, for answers that name it. */
    public String idField() {
        return idField;
    }
}
