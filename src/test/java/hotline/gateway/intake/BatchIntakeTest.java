package hotline.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.ticket.TicketSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A row that fails in a way nobody foresaw is that row's result; only an unavailable database stops a batch. */
class BatchIntakeTest {

    /** Intake as far as a batch sees it: each report's id decides what happens to it. */
    private static final class ScriptedIntake extends IntakeService {

        final List<String> taken = new ArrayList<>();

        ScriptedIntake() {
            super(null, null, null, null, null, null);
        }

        @Override
        public IntakeOutcome acceptReport(JsonNode body, String centre) {
            String id = body.get("reportId").asText();
            switch (id) {
                case "REFUSED-BY-DB" -> throw new DataIntegrityViolationException("ERROR: a value the column refuses");
                case "BUG" -> throw new IllegalStateException("something nobody foresaw");
                case "DB-DOWN" -> throw new CannotGetJdbcConnectionException("no connection");
                default -> {
                    taken.add(id);
                    return new IntakeOutcome(
                            true, TicketSummary.of("T-" + id, null, "CREATED", "NORMAL", null, null, null, null));
                }
            }
        }
    }

    private static BatchFile jsonLines(String... ids) {
        StringBuilder text = new StringBuilder();
        for (String id : ids) {
            text.append("{\"reportId\": \"").append(id).append("\"}\n");
        }
        return new BatchFile(
                "test", BatchFile.Format.JSON_LINES, text.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void aRowTheDatabaseRefusesOrThatFailsIsRejectedAndTheRowsAfterItAreTaken() {
        ScriptedIntake intake = new ScriptedIntake();
        BatchResult result = new BatchIntake(intake, new ObjectMapper(), 100)
                .accept(jsonLines("A", "REFUSED-BY-DB", "B", "BUG", "C"), null);

        assertThat(intake.taken).containsExactly("A", "B", "C");
        assertThat(result.created()).isEqualTo(3);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.results())
                .extracting(BatchResult.RowResult::status)
                .containsExactly(
                        BatchResult.RowStatus.CREATED,
                        BatchResult.RowStatus.REJECTED,
                        BatchResult.RowStatus.CREATED,
                        BatchResult.RowStatus.REJECTED,
                        BatchResult.RowStatus.CREATED);
        assertThat(result.results().get(1).errors().get(0).message()).startsWith("could not be taken: incident ");
        assertThat(result.results().get(1).reportId()).isEqualTo("REFUSED-BY-DB");
    }

    @Test
    void anUnavailableDatabaseStopsTheBatch() {
        ScriptedIntake intake = new ScriptedIntake();
        assertThatThrownBy(() ->
                        new BatchIntake(intake, new ObjectMapper(), 100).accept(jsonLines("A", "DB-DOWN", "B"), null))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(intake.taken).containsExactly("A");
    }
}
