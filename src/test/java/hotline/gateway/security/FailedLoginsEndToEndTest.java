package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import hotline.gateway.support.Tickets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After five failed authentications of a user (a client, an office, a ticket's tracking code), or twenty from one
 * address, within five minutes (config/application.yml), every attempt is refused with 429 and Retry-After, the right
 * password too, until the window has passed. Each test fails from addresses of its own (127.0.0.x) and puts the
 * gateway's clock past the window at its end, so that no other test meets its refusals.
 */
class FailedLoginsEndToEndTest extends GatewayIntegrationTest {

    private static final Duration PAST_THE_WINDOW = Duration.ofMinutes(5).plusSeconds(1);

    private static void assertBlocked(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 300L);
    }

    private double metric(String name, String kind) {
        String prometheus = gateway().get("/actuator/prometheus").body();
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("kind=\"" + kind + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " for " + kind);
    }

    /** Lets the window pass: the next attempts are counted afresh. */
    private static void pastTheWindow() {
        CLOCK.set(Instant.now().plus(PAST_THE_WINDOW));
    }

    @Test
    void aClientIsRefusedAfterFiveWrongKeysEvenWithTheRightOneUntilTheWindowHasPassed() {
        JsonNode made = gateway()
                .postJson("/api/v1/admin/clients", """
                        {"id": "limited-%s", "role": "MANAGER"}
                        """.formatted(
                                UUID.randomUUID().toString().substring(0, 8)))
                .json();
        String id = made.at("/client/id").asText();
        String key = made.at("/key/key").asText();
        double failedBefore = metric("hotline_auth_failures_total", "api_key");
        double blockedBefore = metric("hotline_auth_blocked_total", "api_key");

        GatewayClient guesser = gateway().from("127.0.0.61");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.as(id, "hk_guess-" + i)
                            .get("/api/v1/reports/overdue")
                            .status())
                    .isEqualTo(401);
        }
        GatewayClient owner = gateway().from("127.0.0.62");
        assertBlocked(owner.as(id, key).get("/api/v1/reports/overdue"), "Authorization");
        // Another client from the same address is not concerned.
        assertThat(owner.as(LocalClients.MANAGER, LocalClients.MANAGER_KEY)
                        .get("/api/v1/reports/overdue")
                        .status())
                .isEqualTo(200);
        assertThat(metric("hotline_auth_failures_total", "api_key")).isEqualTo(failedBefore + 5);
        assertThat(metric("hotline_auth_blocked_total", "api_key")).isEqualTo(blockedBefore + 1);

        pastTheWindow();
        assertThat(owner.as(id, key).get("/api/v1/reports/overdue").status()).isEqualTo(200);
    }

    @Test
    void anAddressIsRefusedAfterTwentyFailuresWhateverTheNames() {
        GatewayClient address = gateway().from("127.0.0.63");
        for (int i = 0; i < 20; i++) {
            Response refused = i % 2 == 0
                    ? address.withKey("hk_guess-" + i).get("/api/v1/criteria")
                    : address.as("client-" + i, "guess").get("/api/v1/criteria");
            assertThat(refused.status()).isEqualTo(401);
        }
        assertBlocked(address.withKey(LocalClients.HOTLINE_KEY).get("/api/v1/criteria"), "X-Api-Key");
        assertBlocked(
                address.as(LocalClients.HOTLINE, LocalClients.HOTLINE_KEY).get("/api/v1/criteria"), "Authorization");
        assertThat(gateway().from("127.0.0.64").get("/api/v1/criteria").status())
                .isEqualTo(200);

        pastTheWindow();
        assertThat(address.withKey(LocalClients.HOTLINE_KEY)
                        .get("/api/v1/criteria")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anOfficesPasswordIsLimitedTheSameWay() {
        double before = metric("hotline_auth_failures_total", "office_password");
        GatewayClient guesser = gateway().from("127.0.0.65");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.as("office-310101002", "guess-" + i)
                            .get("/api/v1/offices/310101002/tickets")
                            .status())
                    .isEqualTo(401);
        }
        GatewayClient office = gateway().from("127.0.0.66").as("office-310101002", "office-local");
        assertBlocked(office.get("/api/v1/offices/310101002/tickets"), "Authorization");
        assertThat(metric("hotline_auth_failures_total", "office_password")).isEqualTo(before + 5);

        pastTheWindow();
        assertThat(office.get("/api/v1/offices/310101002/tickets").status()).isEqualTo(200);
    }

    @Test
    void aTicketsTrackingCodeIsLimitedPerTicketNumber() {
        Response made = new Tickets(gateway()).newCallResponse("310104003", false);
        String path = "/api/v1/tickets/" + made.json().get("ticketNo").asText();
        String code = made.json().get("trackingCode").asText();

        GatewayClient guesser = gateway().from("127.0.0.67").anonymous();
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.header("X-Tracking-Code", "GUESS" + i + "AB")
                            .get(path)
                            .status())
                    .isEqualTo(404);
        }
        GatewayClient caller = gateway().from("127.0.0.68").anonymous().header("X-Tracking-Code", code);
        assertBlocked(caller.get(path), "X-Tracking-Code");

        pastTheWindow();
        assertThat(caller.get(path).status()).isEqualTo(200);
    }
}
