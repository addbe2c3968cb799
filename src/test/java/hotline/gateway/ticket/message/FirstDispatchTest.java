package hotline.gateway.ticket.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import hotline.gateway.classification.ClassificationMethod;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.semantic.DangerScore;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Person;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first dispatch message, made in one place for intake's and outreach's tickets: it is the message the record
 * spelled out field by field, and the urgency it carries agrees with the urgency kept with the ticket.
 */
class FirstDispatchTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");
    private static final NeedsView NEEDS = new NeedsView(
            NeedCode.EMERGENCY,
            List.of(NeedCode.EMERGENCY),
            1.0,
            List.of("晕倒"),
            ClassificationMethod.DICTIONARY,
            null,
            List.of(),
            null);
    private static final AssignmentView OFFICE =
            new AssignmentView("TOWN", "310104003", "天平路街道", "ADDRESS_TOWN_NAME", null);
    private static final FirstDispatch.Request CALL = new FirstDispatch.Request(
            "HOTLINE",
            "HL-1",
            OffsetDateTime.parse("2026-11-29T09:00:00+08:00"),
            "老人在家晕倒",
            null,
            new Person("张三", "13800138000", null),
            new Location(null, null, null, "徐汇区天平路156弄7号", null, null),
            null,
            Map.of("operatorId", "op-17"));
    private static final Map<String, String> LINKS = Map.of("self", "https://h.example/api/v1/tickets/T-1");
    private static final DispatchSla SLA = new DispatchSla(NOW.plusSeconds(3600), null, null, null);
    private static final DangerScore HINT = new DangerScore(0.7, "FALL", "d-12");

    @Test
    void anUrgentCallsMessageIsTheRecordSpelledOutFieldByField() throws Exception {
        FirstDispatch.UrgencyFacts urgency =
                new FirstDispatch.UrgencyFacts(true, List.of("晕倒"), false, List.of(), true, HINT);

        TicketMessage made = FirstDispatch.message("T-1", CALL, NOW, NEEDS, OFFICE, LINKS, null, SLA, urgency);

        TicketMessage spelledOut = new TicketMessage(
                1,
                "TICKET_DISPATCH",
                "T-1",
                1,
                "HOTLINE",
                "HL-1",
                CALL.receivedAt(),
                NOW,
                "URGENT",
                NEEDS,
                OFFICE,
                "老人在家晕倒",
                null,
                CALL.contact(),
                CALL.location(),
                null,
                CALL.details(),
                LINKS,
                null,
                null,
                SLA,
                Urgency.of(true, List.of("晕倒"), false, List.of(), true));
        assertThat(JSON.writeValueAsString(made)).isEqualTo(JSON.writeValueAsString(spelledOut));
        assertThat(JSON.writeValueAsString(made.urgency()))
                .isEqualTo("{\"urgent\":true,\"rules\":[\"DANGER_TERMS\",\"FLAGGED_BY_SENDER\"],\"terms\":[\"晕倒\"],"
                        + "\"flaggedBySender\":true}");
        assertThat(FirstDispatch.urgencyRecord(urgency))
                .containsExactly(
                        Map.entry("urgent", true),
                        Map.entry("evidence", List.of("晕倒")),
                        Map.entry("flaggedBySender", true));
    }

    @Test
    void theModelsHintTravelsOnlyWhenNoRuleMadeTheTicketUrgent() {
        FirstDispatch.UrgencyFacts calm =
                new FirstDispatch.UrgencyFacts(false, List.of(), false, List.of(), false, HINT);

        TicketMessage made = FirstDispatch.message("T-2", CALL, NOW, NEEDS, OFFICE, LINKS, null, SLA, calm);

        assertThat(made.priority()).isEqualTo("NORMAL");
        assertThat(made.dangerHint()).isEqualTo(HINT);
        assertThat(FirstDispatch.urgencyRecord(calm))
                .containsEntry("dangerHint", HINT)
                .containsEntry("urgent", false);
    }

    @Test
    void aVisitTicketIsNormalWithNothingUrgentAboutIt() throws Exception {
        TicketMessage visit = FirstDispatch.message(
                "T-3", CALL, NOW, NEEDS, OFFICE, LINKS, null, SLA, FirstDispatch.UrgencyFacts.NONE);

        assertThat(visit.priority()).isEqualTo("NORMAL");
        assertThat(visit.dangerHint()).isNull();
        assertThat(JSON.writeValueAsString(visit.urgency())).isEqualTo("{\"urgent\":false,\"flaggedBySender\":false}");
        assertThat(FirstDispatch.urgencyRecord(FirstDispatch.UrgencyFacts.NONE))
                .containsExactly(
                        Map.entry("urgent", false),
                        Map.entry("evidence", List.of()),
                        Map.entry("flaggedBySender", false));
    }
}
