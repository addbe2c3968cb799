package hotline.gateway.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.intake.ServiceRequest;
import hotline.gateway.intake.Source;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionParserTest {

    static final ServiceCatalogue CATALOGUE = ShippedCatalogue.load();
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    final SubmissionParser parser =
            new SubmissionParser(CATALOGUE, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    @Test
    void aFullRequestBecomesAnOpen311ServiceRequestWithTheServiceCodesNeed() {
        Submission submission = parser.parse(
                form(
                        "api_key", "k",
                        "service_code", "ELDERLY_CARE",
                        "lat", "31.2075",
                        "long", "121.4452",
                        "address_string", " 徐汇区天平路156弄7号 ",
                        "description", "父亲82岁独居",
                        "first_name", "三",
                        "last_name", "张",
                        "phone", "13800138000",
                        "email", "a@example.com",
                        "device_id", "dev-1",
                        "account_id", "acct-1",
                        "media_url", "https://example.com/1.jpg",
                        "attribute[client_request_id]", "R-1",
                        "attribute[district]", "310104",
                        "attribute[age]", "82",
                        "attribute[household_size]", "1",
                        "attribute[monthly_income]", "1200.50"),
                "open311-app");
        assertThat(submission.need()).isEqualTo(NeedCode.ELDERLY_CARE);
        ServiceRequest request = submission.request();
        assertThat(request.source()).isEqualTo(Source.OPEN311);
        assertThat(request.externalId()).isEqualTo("open311-app:R-1");
        assertThat(request.receivedAt().toInstant()).isEqualTo(NOW);
        assertThat(request.receivedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(request.content()).isEqualTo("父亲82岁独居");
        assertThat(request.subject().name()).isEqualTo("张三");
        assertThat(request.subject().phone()).isEqualTo("13800138000");
        assertThat(request.location().address()).isEqualTo("徐汇区天平路156弄7号");
        assertThat(request.location().district()).isEqualTo("310104");
        assertThat(request.location().lat()).isEqualTo(31.2075);
        assertThat(request.location().lon()).isEqualTo(121.4452);
        assertThat(request.household().size()).isEqualTo(1);
        assertThat(request.household().monthlyIncome()).isEqualByComparingTo(new BigDecimal("1200.50"));
        assertThat(request.household().members())
                .singleElement()
                .satisfies(m -> assertThat(m.age()).isEqualTo(82));
        assertThat(request.details())
                .containsEntry("serviceCode", "ELDERLY_CARE")
                .containsEntry("apiClient", "open311-app")
                .containsEntry("clientRequestId", "R-1")
                .containsEntry("deviceId", "dev-1")
                .containsEntry("accountId", "acct-1")
                .containsEntry("email", "a@example.com")
                .containsEntry("mediaUrl", "https://example.com/1.jpg")
                .doesNotContainValue("k");
    }

    @Test
    void anEnglishNameIsGivenNameFirstAndNoDescriptionReadsAsTheServicesName() {
        ServiceRequest request = parser.parse(
                        form(
                                "service_code", "URBAN_MANAGEMENT",
                                "address_id", "310104003",
                                "first_name", "John",
                                "last_name", "Smith"),
                        "c")
                .request();
        assertThat(request.subject().name()).isEqualTo("John Smith");
        assertThat(request.content()).startsWith("城市管理");
        assertThat(request.location().townCode()).isEqualTo("310104003");
        assertThat(request.location().district()).isNull();
        assertThat(request.household()).isNull();
        assertThat(request.externalId()).startsWith("c:").hasSizeGreaterThan(30);
    }

    @Test
    void aDistrictCodeAsAddressIdIsTheDistrict() {
        ServiceRequest request = parser.parse(form("service_code", "OTHER", "address_id", "310101"), "c")
                .request();
        assertThat(request.location().district()).isEqualTo("310101");
        assertThat(request.location().townCode()).isNull();
    }

    @Test
    void theFingerprintIsOfWhatWasSentWhateverTheOrderAndTheKey() {
        byte[] first = SubmissionParser.fingerprint(form("api_key", "a", "service_code", "OTHER", "lat", "1"));
        byte[] second = SubmissionParser.fingerprint(form("lat", "1", "service_code", "OTHER", "api_key", "b"));
        byte[] other = SubmissionParser.fingerprint(form("lat", "2", "service_code", "OTHER", "api_key", "a"));
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
        assertThat(SubmissionParser.fingerprint(form("ab", "c")))
                .isNotEqualTo(SubmissionParser.fingerprint(form("a", "bc")));
    }

    @Test
    void aMissingServiceCodeIs400AndAnUnknownOne404() {
        assertThatThrownBy(() -> parser.parse(form("address_string", "x"), "c"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("service_code"));
        assertThatThrownBy(() -> parser.parse(form("service_code", "POTHOLE", "address_string", "x"), "c"))
                .isInstanceOfSatisfying(HttpProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.field()).isEqualTo("service_code");
                });
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> parser.parse(
                        form(
                                "service_code", "DISABILITY",
                                "lat", "91",
                                "long", "NaN",
                                "address_id", "12",
                                "email", "no-at-sign",
                                "phone", "123",
                                "media_url", "ftp://x",
                                "description", "x".repeat(4001),
                                "attribute[disability_grade]", "5",
                                "attribute[age]", "-1",
                                "attribute[monthly_income]", "1.234",
                                "attribute[nonsense]", "1",
                                "attribute[client_request_id]", "has space",
                                "attribute[district]", "999999"),
                        "c"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "lat",
                                        "long",
                                        "address_id",
                                        "email",
                                        "phone",
                                        "media_url",
                                        "description",
                                        "attribute[disability_grade]",
                                        "attribute[age]",
                                        "attribute[monthly_income]",
                                        "attribute[nonsense]",
                                        "attribute[client_request_id]",
                                        "attribute[district]"));
    }

    @Test
    void aLocationIsRequiredAndACoordinateNeedsItsPartner() {
        assertFields(form("service_code", "OTHER"), "location");
        assertFields(form("service_code", "OTHER", "lat", "31.2"), "long");
        assertFields(form("service_code", "OTHER", "long", "121.4"), "lat");
        assertFields(form("service_code", "OTHER", "lat", "1e1", "long", "121.4"), "lat");
        assertFields(form("service_code", "OTHER", "lat", "31.2", "lat", "31.3", "long", "1"), "lat");
        assertFields(form("service_code", "OTHER", "address_string", "x", "attribute[age]", "3"), "attribute[age]");
    }

    private void assertFields(Map<String, List<String>> form, String... fields) {
        assertThatThrownBy(() -> parser.parse(form, "c"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(fields));
    }

    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], name -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }
}
