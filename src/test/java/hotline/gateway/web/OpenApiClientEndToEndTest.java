package hotline.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hotline.client.ApiClient;
import hotline.client.ApiException;
import hotline.client.ApiResponse;
import hotline.client.api.IntakeApi;
import hotline.client.model.Call;
import hotline.client.model.Household;
import hotline.client.model.HouseholdMembersInner;
import hotline.client.model.Location;
import hotline.client.model.Person;
import hotline.client.model.TicketSummary;
import hotline.client.model.TicketSummaryNeeds;
import hotline.gateway.support.GatewayClient;
import hotline.gateway.support.GatewayClient.Response;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract as an integrator meets it: the document served at /api/v1/api-doc is the committed one, and the Java
 * client generated from it at build time (openapi-generator, validation on, library native) posts a call that the
 * gateway takes.
 */
class OpenApiClientEndToEndTest extends GatewayIntegrationTest {

    private IntakeApi intake() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port + "/api/v1");
        String authorization = GatewayClient.basic(LocalClients.HOTLINE, LocalClients.HOTLINE_KEY);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return new IntakeApi(client);
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        Response served = gateway().get("/api/v1/api-doc");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        JsonNode committed = new YAMLMapper()
                .readTree(Path.of("src/main/resources/openapi/hotline-api.yaml").toFile());
        assertThat(new ObjectMapper().readTree(served.body())).isEqualTo(committed);
    }

    @Test
    void theGeneratedClientPostsACallAndGetsItsTicket() throws Exception {
        Call call = new Call()
                .callId("OPENAPI-" + UUID.randomUUID())
                .receivedAt(OffsetDateTime.now(ZoneOffset.ofHours(8))
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString())
                .channel(Call.ChannelEnum.PHONE)
                .caller(new Person().name("张三").phone("13800138000"))
                .location(new Location().address("徐汇区天平路156弄7号"))
                .content("来电人反映父亲82岁独居，最近行动不便，一日三餐成问题，希望街道安排助餐和上门探访。")
                .urgent(false)
                .operatorId("op-17")
                .household(new Household()
                        .size(1)
                        .monthlyIncome(new BigDecimal("1200"))
                        .addMembersItem(new HouseholdMembersInner().age(82)));

        ApiResponse<TicketSummary> created = intake().postCallWithHttpInfo(call);
        ApiResponse<TicketSummary> again = intake().postCallWithHttpInfo(call);

        assertThat(created.getStatusCode()).isEqualTo(201);
        TicketSummary ticket = created.getData();
        assertThat(ticket.getTicketNo()).matches("[0-9]{8}-[0-9]{7,12}");
        assertThat(ticket.getTrackingCode()).isNotBlank();
        assertThat(ticket.getAssignedTo().getCode()).isEqualTo("310104003");
        // the needs' method and semantic outcome are the documented strings
        assertThat(ticket.getNeeds().getMethod()).isEqualTo(TicketSummaryNeeds.MethodEnum.DICTIONARY);
        assertThat(ticket.getNeeds().getSemantic()).isEqualTo(TicketSummaryNeeds.SemanticEnum.NOT_NEEDED);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData().getTicketNo()).isEqualTo(ticket.getTicketNo());
    }

    @Test
    void aRefusalReachesTheGeneratedClientAsAProblemNamingTheField() {
        Call call = new Call()
                .callId("OPENAPI-" + UUID.randomUUID())
                .receivedAt("yesterday")
                .content("需要帮助");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> intake().postCall(call));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("\"field\":\"receivedAt\"");
    }
}
