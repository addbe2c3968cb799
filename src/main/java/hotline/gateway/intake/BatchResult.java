package hotline.gateway.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import hotline.gateway.validation.FieldError;
import java.util.List;

/** What became of each row of a batch: its ticket, or why it was refused. */
public record BatchResult(String name, int rows, int created, int existing, int rejected, List<RowResult> results) {

    public enum RowStatus {
        CREATED,
        EXISTING,
        REJECTED
    }

    /**
     * @param trackingCode what the resident gives with the ticket number to follow the case
     * @param warnings     location hints of a taken row that were left out of routing (malformed, or matching nothing)
     */
    public record RowResult(
            int row,
            int line,
            String reportId,
            RowStatus status,
            String ticketNo,
            String trackingCode,
            List<FieldError> errors,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> warnings) {

        public RowResult {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public RowResult(
                int row,
                int line,
                String reportId,
                RowStatus status,
                String ticketNo,
                String trackingCode,
                List<FieldError> errors) {
            this(row, line, reportId, status, ticketNo, trackingCode, errors, List.of());
        }
    }
}
