package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import hotline.gateway.support.SampleCalls;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operators' admin API: clients with keys shown once and stored as hashes, rotation (two valid keys, then one),
 * revocation without a restart; never a key or a hash in a listing or in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiClientsEndToEndTest extends GatewayIntegrationTest {

    private static final String CLIENTS = "/api/v1/admin/clients";

    @Autowired
    JdbcTemplate jdbc;

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Makes a client as the local operator; its answer (the client, and its first key). */
    private JsonNode create(String json) {
        Response made = gateway().postJson(CLIENTS, json);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json();
    }

    private Response call(GatewayClient client) {
        return client.postJson(
                "/api/v1/calls",
                SampleCalls.byId("DEV-2026-0004")
                        .withCallId("KEY-" + UUID.randomUUID())
                        .toString());
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void theAdminApiIsForOperatorsOnly() {
        Response anonymous = gateway().anonymous().get(CLIENTS);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic ");
        Response manager =
                gateway().as(LocalClients.MANAGER, LocalClients.MANAGER_KEY).get(CLIENTS);
        assertThat(manager.status()).isEqualTo(403);
        assertThat(manager.contentType()).startsWith("application/problem+json");
        assertThat(manager.json().get("detail").asText()).contains("OPERATOR");
        assertThat(gateway()
                        .withKey(LocalClients.HOTLINE_KEY)
                        .postJson(CLIENTS, "{\"id\": \"sneaky\", \"role\": \"OPERATOR\"}")
                        .status())
                .isEqualTo(403);
        assertThat(gateway().as("gateway", "gateway-local").get(CLIENTS).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_client WHERE id = 'sneaky'", Integer.class))
                .isZero();
        assertThat(gateway().get(CLIENTS).status()).isEqualTo(200);
    }

    @Test
    void aNewClientsKeyIsShownOnceAndStoredOnlyAsItsHash(CapturedOutput output) {
        String id = newId("centre-test");
        JsonNode made = create("""
                {"id": "%s", "role": "CENTRE", "scope": "CAC-TEST-1", "description": "a test centre"}
                """.formatted(id));
        String key = made.at("/key/key").asText();
        long keyId = made.at("/key/id").asLong();
        assertThat(made.at("/client/id").asText()).isEqualTo(id);
        assertThat(made.at("/client/role").asText()).isEqualTo("CENTRE");
        assertThat(made.at("/client/scope").asText()).isEqualTo("CAC-TEST-1");
        assertThat(key).matches("hk_[A-Za-z0-9_-]{43}");

        byte[] stored = jdbc.queryForObject("SELECT key_hash FROM api_key WHERE id = ?", byte[].class, keyId);
        assertThat(stored).isEqualTo(ApiKeys.hash(key));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api_key k JOIN api_client c ON c.id = k.client_id "
                                + "WHERE position(? in concat_ws(' ', c.id, c.scope, c.description, k.key_hash::text)) > 0",
                        Integer.class,
                        key))
                .isZero();

        String report = """
                {"reportId": "%s", "centreId": "CAC-TEST-1", "reportedAt": "2026-11-20T10:00:00+08:00",
                 "location": {"address": "徐汇区天平路"}, "content": "独居老人需要助餐"}
                """.formatted("KEY-R-" + UUID.randomUUID());
        assertThat(gateway().as(id, key).postJson("/api/v1/reports", report).status())
                .isEqualTo(201);
        assertThat(gateway().withKey(key).postJson("/api/v1/reports", report).status())
                .isEqualTo(200);

        Response list = gateway().get(CLIENTS);
        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = null;
        for (JsonNode client : list.json()) {
            if (client.get("id").asText().equals(id)) {
                listed = client;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.at("/keys/0/id").asLong()).isEqualTo(keyId);
        assertThat(listed.at("/keys/0").has("revokedAt")).isFalse();
        String hex = HexFormat.of().formatHex(stored);
        String base64 = Base64.getEncoder().encodeToString(stored);
        assertThat(list.body()).doesNotContain(key, hex, base64, "local-only-");
        assertThat(output.getAll()).doesNotContain(key, hex, base64, key.substring(3));
    }

    @Test
    void keysRotateTwoValidAtOnceThenOne(CapturedOutput output) {
        String id = newId("hotline-test");
        JsonNode made = create("{\"id\": \"%s\", \"role\": \"HOTLINE\"}".formatted(id));
        String first = made.at("/key/key").asText();
        long firstId = made.at("/key/id").asLong();

        Response second = gateway().post(CLIENTS + "/" + id + "/keys", null, "");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String secondKey = second.json().get("key").asText();
        assertThat(secondKey).isNotEqualTo(first);
        assertThat(call(gateway().as(id, first)).status()).isEqualTo(201);
        assertThat(call(gateway().as(id, secondKey)).status()).isEqualTo(201);

        Response third = gateway().post(CLIENTS + "/" + id + "/keys", null, "");
        assertThat(third.status()).isEqualTo(409);
        assertThat(fields(third)).containsExactly("keys");

        Response revoked = gateway().delete(CLIENTS + "/" + id + "/keys/" + firstId);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().at("/keys/0/revokedAt").isTextual()).isTrue();
        assertThat(revoked.json().at("/keys/1").has("revokedAt")).isFalse();
        // At once, without a restart: the revoked key is refused, the other works.
        GatewayClient elsewhere = gateway().from("127.0.0.21");
        assertThat(call(elsewhere.as(id, first)).status()).isEqualTo(401);
        assertThat(call(elsewhere.withKey(first)).status()).isEqualTo(401);
        assertThat(call(gateway().as(id, secondKey)).status()).isEqualTo(201);

        assertThat(gateway().post(CLIENTS + "/" + id + "/keys", null, "").status())
                .isEqualTo(201);
        assertThat(gateway().delete(CLIENTS + "/" + id + "/keys/" + firstId).status())
                .isEqualTo(200);
        assertThat(fields(gateway().delete(CLIENTS + "/" + id + "/keys/99999999")))
                .containsExactly("keyId");
        assertThat(fields(gateway().post(CLIENTS + "/no-such-client/keys", null, "")))
                .containsExactly("clientId");
        assertThat(output.getAll()).doesNotContain(first, secondKey);
    }

    @Test
    void badClientsAreRefusedWithTheFieldNamed() {
        assertThat(fields(gateway().postJson(CLIENTS, "{}"))).containsExactlyInAnyOrder("id", "role");
        assertThat(fields(gateway().postJson(CLIENTS, "{\"id\": \"x y\", \"role\": \"KING\"}")))
                .containsExactlyInAnyOrder("id", "role");
        Response brokerName = gateway().postJson(CLIENTS, "{\"id\": \"office-310104003\", \"role\": \"HOTLINE\"}");
        assertThat(brokerName.status()).isEqualTo(400);
        assertThat(fields(brokerName)).containsExactly("id");
        String id = newId("bad");
        assertThat(fields(gateway().postJson(CLIENTS, "{\"id\": \"%s\", \"role\": \"CENTRE\"}".formatted(id))))
                .containsExactly("scope");
        assertThat(fields(gateway()
                        .postJson(
                                CLIENTS,
                                "{\"id\": \"%s\", \"role\": \"MANAGER\", \"scope\": \"999999\"}".formatted(id))))
                .containsExactly("scope");
        assertThat(fields(gateway()
                        .postJson(
                                CLIENTS,
                                "{\"id\": \"%s\", \"role\": \"HOTLINE\", \"scope\": \"CAC-1\"}".formatted(id))))
                .containsExactly("scope");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_client WHERE id = ?", Integer.class, id))
                .isZero();

        Response taken = gateway().postJson(CLIENTS, "{\"id\": \"hotline-local\", \"role\": \"HOTLINE\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(fields(taken)).containsExactly("id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE client_id = 'hotline-local'", Integer.class))
                .isEqualTo(1);
    }
}
