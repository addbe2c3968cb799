package hotline.gateway.intake;

import hotline.gateway.validation.FieldError;
import java.util.List;

/** What became of each row of a batch: its ticket, or why it was refused. */
public record BatchResult(String name, int rows, int created, int existing, int rejected, List<RowResult> results) {

    public enum RowStatus {
        CREATED,
        EXISTING,
        REJECTED
    }

    /** @param trackingCode what the resident gives with the ticket number to follow the case */
    public record RowResult(
            int row,
            int line,
            String reportId,
            RowStatus status,
            String ticketNo,
            String trackingCode,
            List<FieldError> errors) {}
}
