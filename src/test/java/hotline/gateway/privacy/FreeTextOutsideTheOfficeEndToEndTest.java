package hotline.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.BrokerClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Free text an office writes (a resolution result, an extension's reason, a return reason) reaches the office holding
 * the ticket as written; whoever else sees it (the hotline on ticket-updates and in the ticket view, the district
 * desk overseeing the town) sees its phone and resident ID numbers masked, and the reports show no free text at all.
 */
class FreeTextOutsideTheOfficeEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIANPING = "310104003";
    private static final String PHONE = "+86 136 0000 1238";
    private static final String ID_NUMBER = "11010519491231002x";
    private static final String RESULT = "已联系其女儿 " + PHONE + "（身份证 " + ID_NUMBER + "），安排助餐";

    @Test
    void numbersInAnOfficesWordsAreMaskedForEveryoneButTheOffice() {
        Tickets tickets = new Tickets(gateway());
        String ticketNo = tickets.newCall(TIANPING, false);
        try (BrokerClient.Subscription updates = new BrokerClient(
                        "tcp://127.0.0.1:" + BROKER_PORT, "hotline", "hotline-local")
                .subscribe("ticket-updates", "ticketNo = '" + ticketNo + "'")) {
            assertThat(tickets.event(ticketNo, "SIGN", Map.of()).status()).isEqualTo(201);
            assertThat(tickets.event(ticketNo, "CONTACT", Map.of()).status()).isEqualTo(201);
            assertThat(tickets.event(ticketNo, "EXTEND_REQUEST", Map.of("reason", "等家属回电 136-0000-1235", "days", 3))
                            .status())
                    .isEqualTo(201);
            assertThat(tickets.event(ticketNo, "EXTEND_APPROVE", Map.of()).status())
                    .isEqualTo(201);
            assertThat(tickets.event(ticketNo, "RESOLVE", Map.of("result", RESULT))
                            .status())
                    .isEqualTo(201);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> updates.received().stream().anyMatch(text -> text.contains("\"RESOLVE\"")));
            String resolved = updates.received().stream()
                    .filter(text -> text.contains("\"RESOLVE\""))
                    .findFirst()
                    .orElseThrow();
            assertThat(json(resolved).get("result").asText())
                    .isEqualTo("已联系其女儿 +86 136 **** 1238（身份证 110***********002x），安排助餐");
            for (String update : updates.received()) {
                assertHidden(update);
            }
        }
        // The hotline's durable subscription queue holds the same updates, masked alike.
        List<String> queued = new BrokerClient("tcp://127.0.0.1:" + BROKER_PORT, "hotline", "hotline-local")
                .take("ticket-updates::ticket-updates.hotline", ticketNo, 10_000).stream()
                        .map(FreeTextOutsideTheOfficeEndToEndTest::text)
                        .toList();
        assertThat(queued).anySatisfy(update -> assertThat(update).contains("+86 136 **** 1238"));
        queued.forEach(FreeTextOutsideTheOfficeEndToEndTest::assertHidden);

        // The office holding the ticket reads its words as written.
        JsonNode atOffice = gateway()
                .as("office-" + TIANPING, "office-local")
                .get("/api/v1/tickets/" + ticketNo)
                .json();
        assertThat(reasons(atOffice)).contains(RESULT, "等家属回电 136-0000-1235");

        // The hotline and the district desk read them masked; anyone else not at all.
        for (Response outside : List.of(
                gateway().as("hotline", "hotline-local").get("/api/v1/tickets/" + ticketNo),
                gateway().as("desk-310104", "desk-local").get("/api/v1/tickets/" + ticketNo))) {
            assertThat(outside.status()).isEqualTo(200);
            assertThat(reasons(outside.json()))
                    .contains("已联系其女儿 +86 136 **** 1238（身份证 110***********002x），安排助餐", "等家属回电 136-****-1235");
            assertHidden(outside.body());
        }
        // Without credentials and without the tracking code the ticket is not found.
        Response anonymous = gateway().anonymous().get("/api/v1/tickets/" + ticketNo);
        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(anonymous.body()).doesNotContain("已联系其女儿", "等家属回电");
        assertHidden(anonymous.body());
    }

    @Test
    void theReportsCountReturnsWithoutTheirWords() {
        Tickets tickets = new Tickets(gateway());
        String ticketNo = tickets.newCall(TIANPING, false);
        Response returned = tickets.event(
                ticketNo, "RETURN", Map.of("reasonCode", "WRONG_ADDRESS", "reason", "地址不对，来电人 " + PHONE + " 说在隔壁街道"));
        assertThat(returned.status()).isEqualTo(201);

        // The ticket was received on 13 February 2026 (Tickets' default) in 徐汇区.
        String period = "from=2026-02-13&to=2026-02-13&district=310104";
        for (String path : List.of(
                "/api/v1/reports/sla?" + period,
                "/api/v1/reports/sla?" + period + "&format=csv",
                "/api/v1/reports/sla?" + period + "&groupBy=need",
                "/api/v1/reports/overdue?district=310104")) {
            Response report = gateway().get(path);
            assertThat(report.status()).as(path).isEqualTo(200);
            assertThat(report.body()).as(path).doesNotContain("地址不对", "隔壁街道");
            assertHidden(report.body());
        }
        assertThat(gateway().get("/api/v1/reports/sla?" + period).body()).contains("WRONG_ADDRESS");
    }

    /** Neither number shows, in any of its forms. */
    private static void assertHidden(String text) {
        assertThat(text).doesNotContain("136 0000 1238", "13600001238", "136-0000-1235", "1949123100", "19491231");
    }

    private static String text(jakarta.jms.TextMessage message) {
        try {
            return message.getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> reasons(JsonNode ticket) {
        return ticket.get("events").findValuesAsText("reason");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
