package hotline.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request schemas as the gateway applies them: every bad field named once under its path, in words a person
 * understands; text PostgreSQL can store, finite numbers and plausible times, wherever they sit.
 */
class RequestSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
    private static final RequestSchema CALL = RequestSchema.named(RequestSchema.CALL);
    private static final String VALID = """
            "callId": "HL-1", "receivedAt": "2026-11-28T09:15:00+08:00", "content": "需要帮助"
            """;

    private static JsonNode json(String text) throws Exception {
        return RequestValues.requestReader(JSON).readTree(text);
    }

    private static List<FieldError> errors(String body) throws Exception {
        return CALL.check(json(body)).errors();
    }

    @Test
    void aValidCallHasNoErrorsAndNullsCountAsAbsent() throws Exception {
        CheckedBody checked = CALL.check(json("{" + VALID + ", \"caller\": null, \"somethingNew\": 1}"));
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.body().has("caller")).isFalse();
        assertThat(checked.body().get("somethingNew").asInt()).isEqualTo(1);
    }

    @Test
    void everyBadFieldIsNamedOnceWithItsPathAndAMessageForPeople() throws Exception {
        assertThat(errors("""
                        {"callId": "", "receivedAt": 20261128, "channel": "FAX", "content": "   ",
                         "caller": {"phone": "call me", "idNumber": "310107196803119048"},
                         "household": {"size": 0, "members": [{"age": -1}, 7], "monthlyIncome": "a lot"},
                         "urgent": 1}
                        """))
                .containsExactlyInAnyOrder(
                        new FieldError("callId", "must not be blank"),
                        new FieldError("receivedAt", "must be a string"),
                        new FieldError("channel", "must be one of PHONE, WEB, APP, WECHAT, EMAIL"),
                        new FieldError("content", "must not be blank"),
                        new FieldError(
                                "caller.phone",
                                "must be a mobile number or a landline with its area code (13600001234, 021-6458 1234),"
                                        + " optionally after +86 or 0086, or + and another country's number; single"
                                        + " spaces or hyphens may separate the groups"),
                        new FieldError(
                                "caller.idNumber",
                                "is not a valid resident ID number: "
                                        + hotline.gateway.privacy.ResidentIdNumber.problem("310107196803119048")),
                        new FieldError("household.size", "must be between 1 and 100"),
                        new FieldError("household.members[0].age", "must be between 0 and 150"),
                        new FieldError("household.members[1]", "must be an object"),
                        new FieldError("household.monthlyIncome", "must be a number"),
                        new FieldError("urgent", "must be true or false"));
    }

    @Test
    void missingFieldsAreRequiredAndLengthsAreCountedInCharacters() throws Exception {
        assertThat(errors("{\"content\": \"" + "长".repeat(4001) + "\"}"))
                .containsExactlyInAnyOrder(
                        new FieldError("callId", "is required"),
                        new FieldError("receivedAt", "is required"),
                        new FieldError("content", "must be at most 4000 characters"));
        assertThat(errors("{" + VALID.replace("HL-1", "a".repeat(65)) + "}"))
                .containsExactly(new FieldError("callId", "must be at most 64 characters"));
        assertThat(errors("{" + VALID.replace("HL-1", "a/b") + "}"))
                .containsExactly(new FieldError("callId", "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
    }

    @Test
    void aNulCharacterIsRefusedUnderTheFieldsPath() throws Exception {
        assertThat(errors("{" + VALID + ", \"caller\": {\"name\": \"测试\\u0000姓名\"}}"))
                .containsExactly(new FieldError("caller.name", "must not contain a NUL character (U+0000)"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndAPairIsKept() throws Exception {
        CheckedBody checked = CALL.check(json("{" + VALID + ", \"operatorId\": \"a\\ud800b\","
                + " \"caller\": {\"name\": \"\\udc00\"}, \"location\": {\"address\": \"\\ud840\\udc00 😀\"}}"));
        assertThat(checked.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactlyInAnyOrder(
                        tuple("caller.name", "must be valid Unicode text: it has an unpaired surrogate (U+DC00)"),
                        tuple("operatorId", "must be valid Unicode text: it has an unpaired surrogate (U+D800)"));
        assertThat(checked.body().at("/location/address").textValue()).isEqualTo("\uD840\uDC00 😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "NaN", "Infinity", "-Infinity"})
    void aNumberThatIsNotFiniteIsRefusedUnderItsName(String number) throws Exception {
        assertThat(errors("{" + VALID + ", \"household\": {\"monthlyIncome\": " + number + "}}"))
                .containsExactly(new FieldError("household.monthlyIncome", "must be a finite number"));
    }

    @Test
    void aNumberWithManyDecimalsIsRounded() throws Exception {
        JsonNode body = json("{\"income\": 1200.30000000000001, \"tiny\": 1e-300}");
        assertThat(RequestValues.decimal(body, "income")).isEqualByComparingTo("1200.3");
        assertThat(RequestValues.decimal(body, "tiny").scale()).isEqualTo(RequestValues.MAX_SCALE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+294277-01-01T00:00:00Z",
                "-4714-11-24T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00+08:00",
                "1999-12-31T23:59:59+08:00",
                "0001-01-01T00:00:00Z",
                "2026-12-03T04:00:01Z",
                "2099-01-01T00:00:00+08:00",
                "2026-11-28T09:15:00",
                "2026-00-10T09:15:00Z"
            })
    void anImplausibleTimeIsRefused(String time) throws Exception {
        CheckedBody checked = CALL.check(json("{" + VALID.replace("2026-11-28T09:15:00+08:00", time) + "}"));
        checked.notAhead("receivedAt", NOW);
        assertThat(checked.errors()).extracting(FieldError::field).containsExactly("receivedAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01T00:00:00+08:00", "2026-11-28T09:15:00+08:00", "2026-12-03T04:00:00Z"})
    void aPlausibleTimeIsTaken(String time) throws Exception {
        CheckedBody checked = CALL.check(json("{" + VALID.replace("2026-11-28T09:15:00+08:00", time) + "}"));
        checked.notAhead("receivedAt", NOW);
        assertThat(checked.errors()).isEmpty();
    }

    @Test
    void theRefusalNamesTheBound() throws Exception {
        List<String> messages =
                List.of("1999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2026-12-04T00:00:00Z").stream()
                        .map(time -> {
                            try {
                                CheckedBody checked =
                                        CALL.check(json("{" + VALID.replace("2026-11-28T09:15:00+08:00", time) + "}"));
                                checked.notAhead("receivedAt", NOW);
                                return checked.errors().get(0).message();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .toList();
        assertThat(messages)
                .containsExactly(
                        "must be in the year 2000 or later",
                        "must be before the year 10000",
                        "must not be more than a day ahead of the gateway's clock");
    }

    @Test
    void enumValuesAreMatchedWithoutRegardToCase() throws Exception {
        CheckedBody checked = CALL.check(json("{" + VALID + ", \"channel\": \"weChat\"}"));
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.body().get("channel").asText()).isEqualTo("WECHAT");
    }

    @Test
    void locationProblemsCanBeSetAsideAndTheirValuesLeaveTheBody() throws Exception {
        CheckedBody checked = CALL.check(
                json("{" + VALID + ", \"location\": {\"townCode\": \"3101\", \"lat\": 200, \"address\": \"天平路\"}}"));
        assertThat(checked.setAside("location"))
                .containsExactly(
                        new FieldError("location.townCode", "must be a 9-digit town code"),
                        new FieldError("location.lat", "must be between -90 and 90"));
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.body().get("location").toString()).isEqualTo("{\"address\":\"天平路\"}");
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneError() {
        assertThatThrownBy(() -> CALL.check(json("[]")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("(body)", "must be a JSON object")));
    }

    @Test
    void theRequestReaderStillRefusesWhatIsNotJson() throws Exception {
        assertThatThrownBy(() -> RequestValues.requestReader(JSON).readTree("{\"a\": nan}"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(json("{\"a\": NaN}").get("a").isNumber()).isTrue();
    }
}
