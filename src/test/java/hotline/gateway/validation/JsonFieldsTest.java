package hotline.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text PostgreSQL can store, finite numbers and plausible times, each refused under its field's name. */
class JsonFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private static JsonFields fields(String json) throws Exception {
        return JsonFields.root(JsonFields.requestReader(JSON).readTree(json));
    }

    private static List<FieldError> errors(JsonFields fields) {
        try {
            fields.throwIfInvalid();
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    @Test
    void aNulCharacterIsRefusedUnderTheFieldsPath() throws Exception {
        JsonFields root = fields("{\"caller\": {\"name\": \"测试\\u0000姓名\"}, \"content\": \"ok\"}");
        String name = root.optionalObject("caller", caller -> caller.optionalText("name", 100));
        String content = root.optionalText("content", 100);

        assertThat(name).isNull();
        assertThat(content).isEqualTo("ok");
        assertThat(errors(root))
                .containsExactly(new FieldError("caller.name", "must not contain a NUL character (U+0000)"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndAPairIsKept() throws Exception {
        JsonFields root = fields("{\"lone\": \"a\\ud800b\", \"low\": \"\\udc00\", \"pair\": \"\\ud840\\udc00 😀\"}");

        assertThat(root.optionalText("lone", 10)).isNull();
        assertThat(root.optionalText("low", 10)).isNull();
        assertThat(root.optionalText("pair", 10)).isEqualTo("\uD840\uDC00 😀");
        assertThat(errors(root))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        tuple("lone", "must be valid Unicode text: it has an unpaired surrogate (U+D800)"),
                        tuple("low", "must be valid Unicode text: it has an unpaired surrogate (U+DC00)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "NaN", "Infinity", "-Infinity"})
    void aNumberThatIsNotFiniteIsRefusedUnderItsName(String number) throws Exception {
        JsonFields root = fields("{\"household\": {\"monthlyIncome\": " + number + "}}");
        BigDecimal income = root.optionalObject(
                "household",
                household -> household.optionalDecimal("monthlyIncome", BigDecimal.ZERO, new BigDecimal("1e8")));

        assertThat(income).isNull();
        assertThat(errors(root)).containsExactly(new FieldError("household.monthlyIncome", "must be a finite number"));
    }

    @Test
    void aNumberWithManyDecimalsIsRounded() throws Exception {
        JsonFields root = fields("{\"income\": 1200.30000000000001, \"tiny\": 1e-300}");
        assertThat(root.optionalDecimal("income", BigDecimal.ZERO, BigDecimal.TEN.pow(8)))
                .isEqualByComparingTo("1200.3");
        assertThat(root.optionalDecimal("tiny", BigDecimal.ZERO, BigDecimal.TEN).scale())
                .isEqualTo(JsonFields.MAX_SCALE);
        assertThat(errors(root)).isEmpty();
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
                "2099-01-01T00:00:00+08:00"
            })
    void anImplausibleTimeIsRefused(String time) throws Exception {
        JsonFields root = fields("{\"receivedAt\": \"" + time + "\"}");
        assertThat(root.requiredEventTime("receivedAt", NOW)).isNull();
        assertThat(errors(root)).extracting(FieldError::field).containsExactly("receivedAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01T00:00:00+08:00", "2026-11-28T09:15:00+08:00", "2026-12-03T04:00:00Z"})
    void aPlausibleTimeIsTaken(String time) throws Exception {
        JsonFields root = fields("{\"receivedAt\": \"" + time + "\"}");
        assertThat(root.requiredEventTime("receivedAt", NOW)).isEqualTo(OffsetDateTime.parse(time));
        assertThat(errors(root)).isEmpty();
    }

    @Test
    void theRefusalNamesTheBound() throws Exception {
        JsonFields root = fields("{\"a\": \"1999-12-31T23:59:59Z\", \"b\": \"+10000-01-01T00:00:00Z\", "
                + "\"c\": \"2026-12-04T00:00:00Z\"}");
        root.requiredEventTime("a", NOW);
        root.requiredEventTime("b", NOW);
        root.optionalEventTime("c", NOW);
        root.optionalEventTime("absent", NOW);
        assertThat(errors(root))
                .extracting(FieldError::message)
                .containsExactly(
                        "must be in the year 2000 or later",
                        "must be before the year 10000",
                        "must not be more than a day ahead of the gateway's clock");
    }

    @Test
    void theRequestReaderStillRefusesWhatIsNotJson() throws Exception {
        assertThatThrownBy(() -> JsonFields.requestReader(JSON).readTree("{\"a\": nan}"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        JsonNode node = JsonFields.requestReader(JSON).readTree("{\"a\": NaN}").get("a");
        assertThat(node.isNumber()).isTrue();
    }
}
