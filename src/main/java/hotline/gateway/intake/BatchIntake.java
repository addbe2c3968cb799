package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Takes a batch of community reports row by row: each good row becomes a ticket (or finds its ticket from an
 * earlier post of the same batch), each bad row gets its errors, and no bad row stops the others: a row the database
 * refuses, or one that fails for a reason nobody foresaw, is that row's result (with an incident id in the log). A
 * row naming a centre other than the sender's is refused with that reason, like a bad row. An unavailable database
 * stops the batch; the rows taken so far stay taken and a retry of the batch does not repeat them.
 */
public class BatchIntake {

    private static final Logger log = LoggerFactory.getLogger(BatchIntake.class);

    private final IntakeService intake;
    private final BatchRows batchRows;

    public BatchIntake(IntakeService intake, ObjectMapper json, int maxRows) {
        this.intake = intake;
        this.batchRows = new BatchRows(json, maxRows);
    }

    /** @param centre the centre the sender speaks for; null when it may post for any centre (an operator) */
    public BatchResult accept(BatchFile file, String centre) {
        List<BatchRows.Row> rows = batchRows.read(file);
        List<BatchResult.RowResult> results = new ArrayList<>(rows.size());
        int created = 0;
        int existing = 0;
        int rejected = 0;
        for (BatchRows.Row row : rows) {
            BatchResult.RowResult result = acceptRow(row, centre);
            results.add(result);
            switch (result.status()) {
                case CREATED -> created++;
                case EXISTING -> existing++;
                case REJECTED -> rejected++;
            }
        }
        return new BatchResult(file.name(), rows.size(), created, existing, rejected, results);
    }

    private BatchResult.RowResult acceptRow(BatchRows.Row row, String centre) {
        if (!row.unreadable().isEmpty()) {
            return rejected(row, null, row.unreadable());
        }
        String reportId = reportId(row.body());
        try {
            IntakeOutcome outcome = intake.acceptReport(row.body(), centre);
            return new BatchResult.RowResult(
                    row.number(),
                    row.line(),
                    reportId,
                    outcome.created() ? BatchResult.RowStatus.CREATED : BatchResult.RowStatus.EXISTING,
                    outcome.ticket().ticketNo(),
                    outcome.ticket().trackingCode(),
                    List.of(),
                    outcome.warnings());
        } catch (HttpProblemException e) {
            return rejected(row, reportId, List.of(new FieldError(e.field(), e.getMessage())));
        } catch (InvalidInputException e) {
            return rejected(row, reportId, e.errors());
        } catch (IdempotencyConflictException e) {
            return rejected(row, reportId, List.of(new FieldError(e.field(), "already used with a different body")));
        } catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            log.error("Incident {}: row {} of a batch could not be taken", incident, row.number(), e);
            return rejected(
                    row, reportId, List.of(new FieldError("(row)", "could not be taken: incident " + incident)));
        }
    }

    private static BatchResult.RowResult rejected(BatchRows.Row row, String reportId, List<FieldError> errors) {
        return new BatchResult.RowResult(
                row.number(), row.line(), reportId, BatchResult.RowStatus.REJECTED, null, null, errors);
    }

    private static String reportId(JsonNode body) {
        JsonNode id = body == null ? null : body.get("reportId");
        return id != null && id.isTextual() ? id.textValue() : null;
    }
}
