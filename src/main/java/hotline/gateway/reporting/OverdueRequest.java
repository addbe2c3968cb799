package hotline.gateway.reporting;

/** A page of the overdue list (pages count from 1), optionally for one district (6-digit code). */
public record OverdueRequest(String district, int page, int size) {

    int offset() {
        return (page - 1) * size;
    }
}
