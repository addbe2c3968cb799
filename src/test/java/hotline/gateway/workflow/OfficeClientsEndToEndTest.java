package hotline.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.Tickets;
import jakarta.jms.TextMessage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an office's client sees: the dispatch message with its deadlines, urgency and absolute links; and the sample
 * JMS client of docs/clients, run as an office would run it, works a ticket to RESOLVED and reads the results.
 */
class OfficeClientsEndToEndTest extends GatewayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIANPING = "310104003";

    @Test
    void theDispatchMessageCarriesDeadlinesUrgencyAndAbsoluteLinks() throws Exception {
        Tickets tickets = new Tickets(gateway());
        String ticketNo = tickets.newCall(TIANPING, true);

        List<TextMessage> dispatched = broker().take("tickets." + TIANPING, ticketNo, 10_000);
        assertThat(dispatched).hasSize(1);
        JsonNode message = JSON.readTree(dispatched.get(0).getText());
        assertThat(message.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(message.get("priority").asText()).isEqualTo("URGENT");
        Instant created = Instant.parse(message.get("createdAt").asText());
        Instant signBy = Instant.parse(message.at("/sla/signBy").asText());
        Instant contactBy = Instant.parse(message.at("/sla/contactBy").asText());
        Instant resolveBy = Instant.parse(message.at("/sla/resolveBy").asText());
        assertThat(signBy).isAfter(created);
        assertThat(contactBy).isAfterOrEqualTo(signBy);
        assertThat(resolveBy).isAfter(contactBy);
        assertThat(message.at("/urgency/urgent").asBoolean()).isTrue();
        assertThat(message.at("/urgency/flaggedBySender").asBoolean()).isTrue();
        assertThat(message.at("/urgency/rules").toString()).contains("FLAGGED_BY_SENDER");
        assertThat(message.at("/links/self").asText()).isEqualTo("http://localhost:8080/api/v1/tickets/" + ticketNo);
        assertThat(message.at("/links/events").asText())
                .isEqualTo("http://localhost:8080/api/v1/tickets/" + ticketNo + "/events");
        assertThat(Instant.parse(
                        tickets.ticket(ticketNo).json().at("/sla/signBy").asText()))
                .isEqualTo(signBy);

        // Returned to the district desk: the desk's message carries the desk's deadline.
        tickets.event(
                ticketNo,
                "RETURN",
                Map.of("office", TIANPING, "reasonCode", "NOT_OUR_JURISDICTION", "reason", "不在本街道"));
        List<TextMessage> atDesk = broker().take("triage.310104", ticketNo, 10_000);
        assertThat(atDesk).hasSize(1);
        JsonNode redispatched = JSON.readTree(atDesk.get(0).getText());
        assertThat(redispatched.get("ticketVersion").asInt()).isEqualTo(2);
        assertThat(redispatched.at("/sla/reassignBy").isTextual()).isTrue();
        assertThat(redispatched.at("/sla/signBy").isMissingNode()).isTrue();
        assertThat(redispatched.get("links")).isEqualTo(message.get("links"));
    }

    @Test
    void theSampleJavaClientSignsAndResolvesATicketAndReadsTheResults() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        runClient(ticketNo -> List.of(java, "-cp", classpath, "docs/clients/OfficeClient.java", TIANPING, ticketNo));
    }

    /** Debian's python3 with python3-stomp (./test installs it). */
    @Test
    void theSamplePythonStompClientSignsAndResolvesATicketAndReadsTheResults() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        runClient(ticketNo -> List.of(python, "docs/clients/office_client.py", TIANPING, ticketNo));
    }

    private void runClient(java.util.function.Function<String, List<String>> command) throws Exception {
        Tickets tickets = new Tickets(gateway());
        String ticketNo = tickets.newCall(TIANPING, false);
        Path output = Files.createTempFile("office-client", ".log");

        ProcessBuilder run = new ProcessBuilder(command.apply(ticketNo))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        run.environment().put("BROKER_URL", "tcp://127.0.0.1:" + BROKER_PORT);
        run.environment().put("BROKER_HOST", "127.0.0.1");
        run.environment().put("BROKER_PORT", String.valueOf(BROKER_PORT));
        run.environment().put("BROKER_USER", "office-" + TIANPING);
        run.environment().put("BROKER_PASSWORD", "office-local");
        Process client = run.start();
        boolean finished = client.waitFor(3, TimeUnit.MINUTES);
        String log = Files.readString(output, StandardCharsets.UTF_8);
        if (!finished) {
            client.destroyForcibly();
        }

        assertThat(finished).as(log).isTrue();
        assertThat(client.exitValue()).as(log).isZero();
        assertThat(log).contains("ticket " + ticketNo).contains("SIGN result: ").contains("RESOLVE result: ");
        assertThat(log).contains("\"outcome\":\"ACCEPTED\"").contains("\"status\":\"RESOLVED\"");
        JsonNode ticket = tickets.ticket(ticketNo).json();
        assertThat(ticket.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(ticket.get("events").findValuesAsText("type")).containsSubsequence("SIGN", "RESOLVE");
        assertThat(broker().count("tickets." + TIANPING, ticketNo)).isZero();
        assertThat(new File(output.toString()).delete()).isTrue();
    }
}
