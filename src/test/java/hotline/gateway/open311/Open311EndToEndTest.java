package hotline.gateway.open311;

import static hotline.gateway.open311.GeoReportClient.children;
import static hotline.gateway.open311.GeoReportClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.open311.GeoReportClient.Answer;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.LocalClients;
import hotline.gateway.support.Tickets;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;

/**
 * Open311 GeoReport v2 on a running gateway, as a client written from the spec would use it: every endpoint in JSON
 * and XML, a POST becoming a ticket on the office's queue through the same intake as calls, retries, the public view,
 * and the spec's errors (400, 403, 404) in both formats.
 */
@ExtendWith(OutputCaptureExtension.class)
class Open311EndToEndTest extends GatewayIntegrationTest {

    static final String KEY = "local-only-open311-key";
    static final String W3 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    GeoReportClient open311() {
        return new GeoReportClient(port);
    }

    @Test
    void discoveryNamesTheEndpointAndItsFormats() {
        Answer json = open311().get("discovery", "json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode endpoint = json.json().get("endpoints").get(0);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
        assertThat(endpoint.get("formats")).extracting(JsonNode::asText).contains("text/xml", "application/json");

        Answer xml = open311().get("discovery", "xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml");
        assertThat(xml.body()).startsWith("<?xml");
        Element discovery = xml.xml();
        assertThat(discovery.getTagName()).isEqualTo("discovery");
        Element xmlEndpoint =
                children(children(discovery, "endpoints").get(0), "endpoint").get(0);
        assertThat(text(xmlEndpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(children(children(xmlEndpoint, "formats").get(0), "format"))
                .extracting(Element::getTextContent)
                .contains("text/xml", "application/json");
    }

    @Test
    void theServicesAreTheNeedsInChineseAndEnglishWithTheirAttributes() {
        JsonNode services = open311().get("services", "json").json();
        assertThat(services.isArray()).isTrue();
        assertThat(services)
                .extracting(s -> s.get("service_code").asText())
                .containsExactly(
                        "SUBSISTENCE",
                        "MEDICAL",
                        "EMERGENCY",
                        "ELDERLY_CARE",
                        "DISABILITY",
                        "EDUCATION",
                        "HOUSING",
                        "EMPLOYMENT",
                        "CHILD_WELFARE",
                        "URBAN_MANAGEMENT",
                        "OTHER");
        JsonNode elderly = services.get(3);
        assertThat(elderly.get("service_name").asText()).isEqualTo("养老服务 / Elderly care");
        assertThat(elderly.get("metadata").asBoolean()).isTrue();
        assertThat(elderly.get("type").asText()).isEqualTo("realtime");
        assertThat(elderly.get("group").asText()).isEqualTo("social-assistance");
        assertThat(elderly.get("keywords").asText()).isNotBlank();
        assertThat(elderly.get("description").asText()).contains(" / ");

        Element xml = open311().get("services", "xml").xml();
        assertThat(xml.getTagName()).isEqualTo("services");
        List<Element> xmlServices = children(xml, "service");
        assertThat(xmlServices).hasSize(11);
        assertThat(text(xmlServices.get(9), "service_code")).isEqualTo("URBAN_MANAGEMENT");
        assertThat(text(xmlServices.get(9), "group")).isEqualTo("urban-management");

        JsonNode definition = open311().get("services/ELDERLY_CARE", "json").json();
        assertThat(definition.get("service_code").asText()).isEqualTo("ELDERLY_CARE");
        assertThat(definition.get("attributes"))
                .extracting(a -> a.get("code").asText())
                .containsExactly("client_request_id", "district", "age", "household_size", "monthly_income");
        assertThat(definition.get("attributes"))
                .extracting(a -> a.get("order").asInt())
                .containsExactly(1, 2, 3, 4, 5);
        JsonNode district = definition.get("attributes").get(1);
        assertThat(district.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(district.get("values"))
                .extracting(v -> v.get("key").asText())
                .contains("310104", "310101");

        Element xmlDefinition = open311().get("services/DISABILITY", "xml").xml();
        assertThat(xmlDefinition.getTagName()).isEqualTo("service_definition");
        List<Element> attributes =
                children(children(xmlDefinition, "attributes").get(0), "attribute");
        Element grade = attributes.stream()
                .filter(a -> "disability_grade".equals(text(a, "code")))
                .findFirst()
                .orElseThrow();
        assertThat(children(children(grade, "values").get(0), "value"))
                .extracting(v -> text(v, "key"))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void aPostBecomesATicketOnTheTownsQueueOnceAndIsReadBackInItsPublicView() throws Exception {
        String clientId = "APP-" + UUID.randomUUID();
        String[] fields = {
            "api_key", KEY,
            "service_code", "ELDERLY_CARE",
            "address_string", "徐汇区天平路156弄7号",
            "description", "父亲82岁独居，行动不便，一日三餐成问题，希望安排助餐和上门探访。电话13800138000",
            "first_name", "三",
            "last_name", "张",
            "phone", "13800138000",
            "email", "zhang.san@example.com",
            "device_id", "dev-1",
            "account_id", "acct-42",
            "attribute[client_request_id]", clientId,
            "attribute[age]", "82",
            "attribute[household_size]", "1",
            "attribute[monthly_income]", "1200"
        };
        Answer created = open311().post("json", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode receipt = created.json().get(0);
        String id = receipt.get("service_request_id").asText();
        assertThat(id).matches("\\d{8}-\\d{7}");
        assertThat(receipt.has("token")).isFalse();
        assertThat(receipt.get("account_id").asText()).isEqualTo("acct-42");
        assertThat(receipt.get("service_notice").asText()).contains(id, "天平路街道");

        List<TextMessage> messages = broker().take("tickets.310104003", id, 10_000);
        assertThat(messages).hasSize(1);
        JsonNode message = JSON.readTree(messages.get(0).getText());
        assertThat(message.get("source").asText()).isEqualTo("OPEN311");
        assertThat(message.get("externalId").asText()).isEqualTo("open311-local:" + clientId);
        assertThat(message.at("/needs/primary").asText()).isEqualTo("ELDERLY_CARE");
        assertThat(message.at("/needs/method").asText()).isEqualTo("SERVICE_CODE");
        assertThat(message.at("/assignment/code").asText()).isEqualTo("310104003");
        assertThat(message.at("/contact/name").asText()).isEqualTo("张三");
        assertThat(message.at("/contact/phone").asText()).isEqualTo("13800138000");
        assertThat(message.at("/household/members/0/age").asInt()).isEqualTo(82);
        assertThat(message.at("/details/serviceCode").asText()).isEqualTo("ELDERLY_CARE");
        assertThat(message.at("/details/email").asText()).isEqualTo("zhang.san@example.com");
        assertThat(message.toString()).doesNotContain(KEY);
        assertThat(message.has("assessment")).isTrue();

        // The same request again (the app's retry): the same ticket, no second message.
        Answer retry = open311().post("json", fields);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get(0).get("service_request_id").asText()).isEqualTo(id);
        assertThat(broker().take("tickets.310104003", id, 1_500)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM service_request WHERE source = 'OPEN311' AND external_id = ?",
                        Integer.class,
                        "open311-local:" + clientId))
                .isEqualTo(1);

        // The same client_request_id with other fields: refused, the first stands.
        fields[7] = "另一件事";
        Answer conflict = open311().post("json", fields);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get(0).get("code").asInt()).isEqualTo(409);
        assertThat(conflict.json().get(0).get("description").asText()).contains("client_request_id");

        // The token is the client's own id.
        JsonNode token = open311()
                .get("tokens/" + clientId, "json", "api_key", KEY)
                .json()
                .get(0);
        assertThat(token.get("service_request_id").asText()).isEqualTo(id);
        assertThat(token.get("token").asText()).isEqualTo(clientId);
        Element xmlToken =
                open311().get("tokens/" + clientId, "xml", "api_key", KEY).xml();
        assertThat(xmlToken.getTagName()).isEqualTo("service_requests");
        assertThat(text(children(xmlToken, "request").get(0), "service_request_id"))
                .isEqualTo(id);

        Answer read = open311().get("requests/" + id, "json", "api_key", KEY);
        assertThat(read.status()).isEqualTo(200);
        JsonNode view = read.json().get(0);
        assertThat(view.get("service_request_id").asText()).isEqualTo(id);
        assertThat(view.get("status").asText()).isEqualTo("open");
        assertThat(view.get("service_code").asText()).isEqualTo("ELDERLY_CARE");
        assertThat(view.get("service_name").asText()).isEqualTo("养老服务 / Elderly care");
        assertThat(view.get("agency_responsible").asText()).isEqualTo("天平路街道");
        assertThat(view.get("status_notes").asText()).contains("天平路街道");
        assertThat(view.get("address").asText()).isEqualTo("徐汇区天平路156弄7号");
        assertThat(view.get("requested_datetime").asText()).matches(W3);
        assertThat(view.get("updated_datetime").asText()).matches(W3);
        assertThat(view.get("expected_datetime").asText()).matches(W3);
        // A household's circumstances are not public: no description, no name, phone or email.
        assertThat(view.get("description").isNull()).isTrue();
        assertThat(read.body()).doesNotContain("张三", "13800138000", "zhang.san", "助餐", "acct-42");

        Element xmlView = children(
                        open311().get("requests/" + id, "xml", "api_key", KEY).xml(), "request")
                .get(0);
        assertThat(text(xmlView, "service_request_id")).isEqualTo(id);
        assertThat(text(xmlView, "status")).isEqualTo("open");
        assertThat(text(xmlView, "description")).isEmpty();
        assertThat(text(xmlView, "agency_responsible")).isEqualTo("天平路街道");
    }

    @Test
    void theServiceCodeDecidesTheNeedAndTheClassifiersOtherReadingIsKept() throws Exception {
        Answer created = open311()
                .post(
                        "json",
                        "api_key",
                        KEY,
                        "service_code",
                        "SUBSISTENCE",
                        "address_string",
                        "徐汇区天平路20号",
                        "description",
                        "楼下餐馆每天深夜噪音扰民，油烟很大");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get(0).get("service_request_id").asText();
        JsonNode message = JSON.readTree(
                broker().take("tickets.310104003", id, 10_000).get(0).getText());
        assertThat(message.at("/needs/primary").asText()).isEqualTo("SUBSISTENCE");
        assertThat(message.at("/needs/method").asText()).isEqualTo("SERVICE_CODE");
        assertThat(message.at("/needs/evidence/0").asText()).startsWith("classifier read URBAN_MANAGEMENT");
        assertThat(message.at("/needs/all")).extracting(JsonNode::asText).contains("SUBSISTENCE", "URBAN_MANAGEMENT");
    }

    @Test
    void coordinatesAloneGoToTheDistrictDeskWhenADistrictIsKnownElseToTheCityDesk() throws Exception {
        Answer withDistrict = open311()
                .post(
                        "xml",
                        "api_key",
                        KEY,
                        "service_code",
                        "URBAN_MANAGEMENT",
                        "lat",
                        "31.2075",
                        "long",
                        "121.4452",
                        "attribute[district]",
                        "310104",
                        "description",
                        "人行道上一棵树倒了，挡住了路");
        assertThat(withDistrict.status()).as(withDistrict.body()).isEqualTo(201);
        assertThat(withDistrict.contentType()).startsWith("text/xml");
        Element receipt = children(withDistrict.xml(), "request").get(0);
        String districtId = text(receipt, "service_request_id");
        assertThat(broker().take("triage.310104", districtId, 10_000)).hasSize(1);

        Answer byAddressId = open311()
                .post(
                        "json",
                        "api_key",
                        KEY,
                        "service_code",
                        "URBAN_MANAGEMENT",
                        "address_id",
                        "310101",
                        "description",
                        "路灯不亮");
        String addressId = byAddressId.json().get(0).get("service_request_id").asText();
        assertThat(broker().take("triage.310101", addressId, 10_000)).hasSize(1);

        Answer nothing = open311()
                .post(
                        "json",
                        "api_key",
                        KEY,
                        "service_code",
                        "URBAN_MANAGEMENT",
                        "lat",
                        "31.2304",
                        "long",
                        "121.4737",
                        "description",
                        "井盖缺失");
        String cityId = nothing.json().get(0).get("service_request_id").asText();
        assertThat(broker().take("triage.city", cityId, 10_000)).hasSize(1);

        JsonNode view = open311()
                .get("requests/" + districtId, "json", "api_key", KEY)
                .json()
                .get(0);
        assertThat(view.get("lat").asDouble()).isEqualTo(31.2075);
        assertThat(view.get("long").asDouble()).isEqualTo(121.4452);
        assertThat(view.get("address").isNull()).isTrue();
    }

    @Test
    void getRequestsShowsThePublicViewFilteredAsAsked() {
        Answer created = open311()
                .post(
                        "json",
                        "api_key",
                        KEY,
                        "service_code",
                        "URBAN_MANAGEMENT",
                        "address_string",
                        "徐汇区天平路88号",
                        "description",
                        "小区门口垃圾堆了三天没人清运，联系电话13912345678");
        String id = created.json().get(0).get("service_request_id").asText();
        Answer social = open311()
                .post(
                        "json",
                        "api_key",
                        KEY,
                        "service_code",
                        "MEDICAL",
                        "address_string",
                        "徐汇区天平路90号",
                        "description",
                        "母亲透析费用负担不起");
        String socialId = social.json().get(0).get("service_request_id").asText();

        JsonNode both = open311()
                .get("requests", "json", "api_key", KEY, "service_request_id", id + "," + socialId)
                .json();
        assertThat(both).extracting(r -> r.get("service_request_id").asText()).containsExactlyInAnyOrder(id, socialId);
        JsonNode urban = find(both, id);
        // A public-space report shows its description, with the phone number masked.
        assertThat(urban.get("description").asText()).contains("垃圾堆了三天").doesNotContain("13912345678");
        assertThat(find(both, socialId).get("description").isNull()).isTrue();

        JsonNode byService = open311()
                .get("requests", "json", "api_key", KEY, "service_code", "URBAN_MANAGEMENT", "status", "open")
                .json();
        assertThat(byService)
                .extracting(r -> r.get("service_request_id").asText())
                .contains(id)
                .doesNotContain(socialId);
        assertThat(byService)
                .allSatisfy(r -> assertThat(r.get("service_code").asText()).isEqualTo("URBAN_MANAGEMENT"));
        JsonNode closed = open311()
                .get("requests", "json", "api_key", KEY, "status", "closed")
                .json();
        assertThat(closed).extracting(r -> r.get("service_request_id").asText()).doesNotContain(id, socialId);

        Element xml = open311()
                .get(
                        "requests",
                        "xml",
                        "api_key",
                        KEY,
                        "start_date",
                        "2000-01-01T00:00:00Z",
                        "end_date",
                        "2000-03-01T00:00:00+08:00")
                .xml();
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        assertThat(children(xml, "request")).isEmpty();
        Element recent = open311().get("requests", "xml", "api_key", KEY).xml();
        assertThat(children(recent, "request"))
                .extracting(r -> text(r, "service_request_id"))
                .contains(id, socialId);

        // A ticket that did not come in over Open311 is not there.
        String hotlineTicket = jdbc
                .query(
                        "SELECT t.ticket_no FROM ticket t JOIN service_request r ON r.id = t.request_id"
                                + " WHERE r.source <> 'OPEN311' LIMIT 1",
                        (rs, row) -> rs.getString(1))
                .stream()
                .findFirst()
                .orElse("20260101-0000001");
        assertThat(open311()
                        .get("requests/" + hotlineTicket, "json", "api_key", KEY)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void errorsAreTheSpecsListsWithItsStatusCodes() {
        // 403: a missing, wrong, or other client's api_key.
        assertError(open311().post("json", "service_code", "OTHER", "address_string", "徐汇区"), 403, "api_key");
        assertError(
                open311().post("json", "api_key", "not-a-key", "service_code", "OTHER", "address_string", "徐汇区"),
                403,
                "api_key");
        assertError(
                open311()
                        .post(
                                "json",
                                "api_key",
                                LocalClients.HOTLINE_KEY,
                                "service_code",
                                "OTHER",
                                "address_string",
                                "徐汇区"),
                403,
                "Open311");
        assertError(open311().get("requests", "json"), 403, "api_key");
        Element xmlForbidden =
                open311().get("requests", "xml", "api_key", "wrong").xml();
        assertThat(xmlForbidden.getTagName()).isEqualTo("errors");
        assertThat(text(children(xmlForbidden, "error").get(0), "code")).isEqualTo("403");
        assertThat(text(children(xmlForbidden, "error").get(0), "description")).contains("api_key");

        // 400: service_code missing; 404: not a service.
        assertError(open311().post("json", "api_key", KEY, "address_string", "徐汇区"), 400, "service_code");
        assertError(
                open311().post("json", "api_key", KEY, "service_code", "POTHOLES", "address_string", "徐汇区"),
                404,
                "service_code");
        // 400: bad coordinates, half a coordinate, no location at all, each naming the field.
        assertError(
                open311().post("json", "api_key", KEY, "service_code", "OTHER", "lat", "91", "long", "121.4"),
                400,
                "lat");
        assertError(
                open311().post("json", "api_key", KEY, "service_code", "OTHER", "lat", "31.2", "long", "east"),
                400,
                "long");
        assertError(open311().post("json", "api_key", KEY, "service_code", "OTHER", "lat", "31.2"), 400, "long");
        assertError(open311().post("json", "api_key", KEY, "service_code", "OTHER"), 400, "location");
        assertError(
                open311()
                        .post(
                                "json",
                                "api_key",
                                KEY,
                                "service_code",
                                "OTHER",
                                "address_string",
                                "徐汇区",
                                "attribute[age]",
                                "82"),
                400,
                "attribute[age]");
        assertError(
                open311()
                        .post(
                                "json",
                                "api_key",
                                KEY,
                                "service_code",
                                "OTHER",
                                "address_string",
                                "徐汇区",
                                "phone",
                                "12345"),
                400,
                "phone");
        Element xmlBad = open311()
                .post("xml", "api_key", KEY, "service_code", "OTHER", "lat", "abc", "long", "1")
                .xml();
        assertThat(text(children(xmlBad, "error").get(0), "code")).isEqualTo("400");
        assertThat(text(children(xmlBad, "error").get(0), "description")).startsWith("lat");

        // 404: unknown request, service, token, resource; in both formats.
        assertError(open311().get("requests/20000101-9999999", "json", "api_key", KEY), 404, "20000101-9999999");
        Element xmlMissing = open311()
                .get("requests/20000101-9999999", "xml", "api_key", KEY)
                .xml();
        assertThat(xmlMissing.getTagName()).isEqualTo("errors");
        assertThat(text(children(xmlMissing, "error").get(0), "code")).isEqualTo("404");
        assertError(open311().get("services/POTHOLES", "json"), 404, "POTHOLES");
        assertError(open311().get("tokens/never-sent", "json", "api_key", KEY), 404, "token");
        assertError(open311().get("nothing", "json"), 404, "Open311 resource");

        // 400: arguments GET requests cannot read.
        assertError(open311().get("requests", "json", "api_key", KEY, "start_date", "yesterday"), 400, "start_date");
        assertError(open311().get("requests", "json", "api_key", KEY, "status", "pending"), 400, "status");
        assertError(
                open311()
                        .get(
                                "requests",
                                "json",
                                "api_key",
                                KEY,
                                "start_date",
                                "2026-01-01T00:00:00Z",
                                "end_date",
                                "2026-06-01T00:00:00Z"),
                400,
                "90 days");
        // A body that is not a form, and a form that is not UTF-8.
        assertError(open311().postRaw("json", "application/json", "{\"service_code\":\"OTHER\"}"), 400, "Content-Type");
        assertError(
                open311().postRaw("json", "application/x-www-form-urlencoded", "api_key=" + KEY + "&description=%FF"),
                400,
                "UTF-8");
        assertError(
                open311()
                        .postRaw(
                                "json",
                                "application/x-www-form-urlencoded; charset=ISO-8859-1",
                                "api_key=" + KEY + "&service_code=OTHER&address_string=x"),
                400,
                "charset");
        assertThat(open311()
                        .postRaw("json", "multipart/form-data; boundary=x", "--x--")
                        .status())
                .isEqualTo(415);
    }

    @Test
    void theStatusFollowsTheTicketUntilTheOfficeResolvesIt() {
        Answer created = open311()
                .post(
                        "json",
                        "api_key",
                        KEY,
                        "service_code",
                        "URBAN_MANAGEMENT",
                        "address_string",
                        "徐汇区天平路40号",
                        "description",
                        "人行道地砖松动");
        String id = created.json().get(0).get("service_request_id").asText();
        assertThat(broker().take("tickets.310104003", id, 10_000)).hasSize(1);
        Tickets office = new Tickets(gateway());
        assertThat(office.event(id, "SIGN", Map.of("office", "310104003")).status())
                .isEqualTo(201);
        JsonNode signed =
                open311().get("requests/" + id, "json", "api_key", KEY).json().get(0);
        assertThat(signed.get("status").asText()).isEqualTo("open");
        assertThat(signed.get("status_notes").asText()).contains("Signed for by 天平路街道");

        assertThat(office.event(id, "CONTACT", Map.of()).status()).isEqualTo(201);
        assertThat(office.event(id, "RESOLVE", Map.of("result", "已修复，联系电话13911112222"))
                        .status())
                .isEqualTo(201);
        JsonNode resolved =
                open311().get("requests/" + id, "json", "api_key", KEY).json().get(0);
        assertThat(resolved.get("status").asText()).isEqualTo("closed");
        assertThat(resolved.get("status_notes").asText()).contains("Resolved by 天平路街道");
        assertThat(resolved.get("expected_datetime").isNull()).isTrue();
        assertThat(resolved.toString()).doesNotContain("13911112222", "已修复");
        assertThat(open311()
                        .get("requests", "json", "api_key", KEY, "status", "closed")
                        .json())
                .extracting(r -> r.get("service_request_id").asText())
                .contains(id);
        assertThat(open311()
                        .get("requests", "json", "api_key", KEY, "status", "open")
                        .json())
                .extracting(r -> r.get("service_request_id").asText())
                .doesNotContain(id);
    }

    @Test
    void theKeyAndThePersonalDataReachNoLog(CapturedOutput output) {
        Answer created = open311()
                .post(
                        "json",
                        "api_key",
                        KEY,
                        "service_code",
                        "MEDICAL",
                        "address_string",
                        "徐汇区天平路100号",
                        "first_name",
                        "秀英",
                        "last_name",
                        "欧阳",
                        "phone",
                        "13798765432",
                        "email",
                        "ouyang.xiuying@example.com",
                        "description",
                        "欧阳秀英透析费用负担不起，电话13798765432");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get(0).get("service_request_id").asText();
        assertThat(open311().get("requests/" + id, "json", "api_key", KEY).status())
                .isEqualTo(200);
        assertThat(open311()
                        .post("json", "api_key", "wrong-key-4f2a9c", "service_code", "OTHER")
                        .status())
                .isEqualTo(403);
        assertThat(open311()
                        .postRaw(
                                "json",
                                "application/x-www-form-urlencoded",
                                "api_key=" + KEY + "&phone=13798765432&description=%ZZ")
                        .status())
                .isEqualTo(400);
        assertThat(output.getAll())
                .doesNotContain(KEY, "wrong-key-4f2a9c", "欧阳秀英", "13798765432", "ouyang.xiuying", "透析费用");
    }

    private static void assertError(Answer answer, int status, String mentioned) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode errors = answer.json();
        assertThat(errors.isArray()).as(answer.body()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        assertThat(errors)
                .extracting(e -> e.get("description").asText())
                .anySatisfy(d -> assertThat(d).contains(mentioned));
    }

    private static JsonNode find(JsonNode requests, String id) {
        for (JsonNode request : requests) {
            if (request.get("service_request_id").asText().equals(id)) {
                return request;
            }
        }
        throw new AssertionError("no request " + id + " in " + requests);
    }
}
