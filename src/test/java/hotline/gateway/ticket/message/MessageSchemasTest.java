package hotline.gateway.ticket.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import hotline.gateway.assignment.TargetKind;
import hotline.gateway.classification.ClassificationMethod;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.SemanticOutcome;
import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.criteria.Outcome;
import hotline.gateway.criteria.Program;
import hotline.gateway.intake.Source;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.jurisdiction.ResolutionRule;
import hotline.gateway.support.MessageSchemas;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.ReturnReasonCode;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.workflow.OfficeEventType;
import hotline.gateway.workflow.Satisfaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The message schemas own the lists of codes: each list equals the Java enum the gateway writes and reads, so a
 * feature that adds a code must add it to the schema too. And the schemas do tell a good message from a bad one.
 */
class MessageSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    private static final String COMMON = "common.schema.json";

    static List<Object[]> enumerations() {
        return List.of(
                new Object[] {"officeEventType", OfficeEventType.class},
                new Object[] {"returnReasonCode", ReturnReasonCode.class},
                new Object[] {"visitOutcome", hotline.gateway.ticket.VisitOutcome.class},
                new Object[] {"ticketStatus", TicketStatus.class},
                new Object[] {"resultOutcome", ResultOutcome.class},
                new Object[] {"assessmentOutcome", Outcome.class},
                new Object[] {"program", Program.class},
                new Object[] {"need", NeedCode.class},
                new Object[] {"priority", Priority.class},
                new Object[] {"urgencyRule", UrgencyRule.class},
                new Object[] {"satisfaction", Satisfaction.class},
                new Object[] {"source", Source.class},
                new Object[] {"assignmentLevel", AssignmentLevel.class},
                new Object[] {"resolutionRule", ResolutionRule.class},
                new Object[] {"slaTarget", TargetKind.class},
                new Object[] {"classificationMethod", ClassificationMethod.class},
                new Object[] {"semanticOutcome", SemanticOutcome.class});
    }

    @ParameterizedTest(name = "{0} lists {1}")
    @MethodSource("enumerations")
    void eachListOfCodesEqualsItsEnum(String definition, Class<? extends Enum<?>> type) {
        JsonNode list = MessageSchemas.read(COMMON).at("/$defs/" + definition + "/enum");
        assertThat(list.isArray()).as(definition + " is an enum in " + COMMON).isTrue();
        List<String> codes = new ArrayList<>();
        list.forEach(code -> codes.add(code.asText()));
        assertThat(codes)
                .containsExactlyElementsOf(
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    @Test
    void everyMessageTypeTheGatewaySendsHasASchema() {
        assertThat(MessageSchemas.messageTypes())
                .containsOnlyKeys(
                        TicketMessage.TYPE_DISPATCH,
                        SlaMessage.TYPE_WARNING,
                        SlaMessage.TYPE_BREACH,
                        TicketUpdate.TYPE,
                        TicketResult.TYPE,
                        DangerHintMessage.TYPE);
    }

    @Test
    void aDangerHintAsTheGatewayWritesItMatchesItsSchema() throws Exception {
        String hint = JSON.writeValueAsString(DangerHintMessage.of(
                "20261202-0000001",
                1,
                new DangerScore(0.71, "no_food_water_heat_shelter", "danger-no-food-zh-1"),
                Instant.parse("2026-12-02T08:00:00Z")));

        MessageSchemas.check(DangerHintMessage.TYPE, hint);
        assertThatThrownBy(() -> MessageSchemas.check(DangerHintMessage.TYPE, hint.replace("NORMAL", "URGENT")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("priority");
    }

    @Test
    void resultsAsTheGatewayWritesThemMatchTheirSchema() throws Exception {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        TicketResult accepted = TicketResult.accepted("ev-1", "20261202-0000001", "SIGN", false, "SIGNED", 1, now);
        TicketResult refused = TicketResult.refused(
                "ev-2",
                "20261202-0000001",
                "RESOLVE",
                new TicketResult.Problem(
                        "/problems/illegal-transition",
                        "Event not allowed in this state",
                        409,
                        "RESOLVE is not allowed while the ticket is DISPATCHED: sign for it first",
                        "ev-2",
                        List.of(new TicketResult.FieldProblem("type", "RESOLVE is not allowed"))),
                now);

        MessageSchemas.check(TicketResult.TYPE, JSON.writeValueAsString(accepted));
        MessageSchemas.check(TicketResult.TYPE, JSON.writeValueAsString(refused));
    }

    @Test
    void aResultThatBreaksItsSchemaIsFound() throws Exception {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        String accepted = JSON.writeValueAsString(
                TicketResult.accepted("ev-1", "20261202-0000001", "SIGN", false, "SIGNED", 1, now));

        assertThatThrownBy(() -> MessageSchemas.check(TicketResult.TYPE, accepted.replace("ACCEPTED", "MAYBE")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("outcome");
        assertThatThrownBy(
                        () -> MessageSchemas.check(TicketResult.TYPE, accepted.replace("\"status\":\"SIGNED\",", "")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> MessageSchemas.check("TICKET_SOMETHING", accepted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no schema");
    }

    @Test
    void theOfficeEventSchemaAsksWhatTheParserAsks() throws Exception {
        Map<String, Object> sign =
                Map.of("ticketNo", "20261202-0000001", "eventId", "ev-1", "type", "SIGN", "actor", "wang");
        assertThat(MessageSchemas.errors(MessageSchemas.OFFICE_EVENT, JSON.writeValueAsString(sign)))
                .isEmpty();

        Map<String, Object> returnWithoutCode = Map.of(
                "ticketNo", "20261202-0000001", "eventId", "ev-2", "type", "RETURN", "actor", "wang", "reason", "x");
        assertThat(MessageSchemas.errors(MessageSchemas.OFFICE_EVENT, JSON.writeValueAsString(returnWithoutCode)))
                .anySatisfy(error -> assertThat(error).contains("reasonCode"));

        Map<String, Object> codeOnSign = Map.of(
                "ticketNo",
                "20261202-0000001",
                "eventId",
                "ev-3",
                "type",
                "SIGN",
                "actor",
                "wang",
                "reasonCode",
                "DUPLICATE");
        assertThat(MessageSchemas.errors(MessageSchemas.OFFICE_EVENT, JSON.writeValueAsString(codeOnSign)))
                .isNotEmpty();

        Map<String, Object> reassignToBoth = Map.of(
                "ticketNo",
                "20261202-0000001",
                "eventId",
                "ev-4",
                "type",
                "REASSIGN",
                "actor",
                "li",
                "townCode",
                "310104003",
                "districtCode",
                "310104");
        assertThat(MessageSchemas.errors(MessageSchemas.OFFICE_EVENT, JSON.writeValueAsString(reassignToBoth)))
                .isNotEmpty();
    }

    @Test
    void theUpdateEventsAreTheOfficeEventsAndTheGatewaysOwn() {
        List<String> own = new ArrayList<>();
        MessageSchemas.read("ticket-update.schema.json")
                .at("/$defs/gatewayEvent/enum")
                .forEach(code -> own.add(code.asText()));
        assertThat(own).containsExactly("DISPATCHED", "SLA_WARNING", "ESCALATED");
    }
}
