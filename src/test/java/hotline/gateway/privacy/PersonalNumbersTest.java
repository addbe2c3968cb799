package hotline.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.intake.CallParser;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The formats intake accepts are the formats the masks find: the same recogniser decides both. */
class PersonalNumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13600001234",
                "136-0000-1235",
                "136 0000 1236",
                "+8613600001237",
                "+86 136 0000 1238",
                "0086-136-0000-1239",
                "8613600001230",
                "021-64581234",
                "021 6458 1234",
                "0571-8888-1234",
                "+86 21 6458 1234",
                "+852 9123 4567",
                "0044 20 7946 0000"
            })
    void acceptsAndMasksEachFormat(String phone) {
        assertThat(PersonalNumbers.isPhoneNumber(phone)).isTrue();
        assertThat(intakeProblems(phone)).isNull();

        String masked = PersonalData.maskText("来电人电话" + phone + "，请回电 call back on " + phone + ".");
        assertThat(masked).doesNotContain(phone).contains("***");
        String national = phone.replaceAll("^(\\+86|0086|86(?=1))", "").replaceAll("[^0-9]", "");
        assertThat(masked.replaceAll("[ -]", "")).doesNotContain(national);
    }

    @Test
    void keepsTheSeparatorsTheCountryCodeAndTheEnds() {
        assertThat(PersonalData.maskText("tel 136-0000-1235")).isEqualTo("tel 136-****-1235");
        assertThat(PersonalData.maskText("tel 136 0000 1236。")).isEqualTo("tel 136 **** 1236。");
        assertThat(PersonalData.maskText("电话+8613600001237")).isEqualTo("电话+86136****1237");
        assertThat(PersonalData.maskText("(+86 136 0000 1238)")).isEqualTo("(+86 136 **** 1238)");
        assertThat(PersonalData.maskText("身份证11010519491231002x号")).isEqualTo("身份证110***********002x号");
        assertThat(PersonalData.maskPhone("+86 21 6458 1234")).isEqualTo("+86 21 6*** 1234");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "call me",
                "64581234", // a local number without its area code
                "12345",
                "136 0000  1234", // two separators in a row
                "136-0000-123",
                "021-1234567", // a local number cannot start with 1
                "+86 12345",
                "+1 234"
            })
    void refusesWhatTheMasksWouldNotFind(String phone) {
        assertThat(PersonalNumbers.isPhoneNumber(phone)).isFalse();
        assertThat(intakeProblems(phone)).extracting(FieldError::field).isEqualTo("caller.phone");
    }

    @Test
    void leavesOtherNumbersAlone() {
        String text = "ticket 20261129-0000001 on 2026-11-29 at 09:15, 1,330 CNY, order 12345, +08:00";
        assertThat(PersonalData.maskText(text)).isSameAs(text);
    }

    /** The first problem intake finds in a call with this caller phone, or null when it accepts the call. */
    private static FieldError intakeProblems(String phone) {
        ObjectNode call = JSON.createObjectNode()
                .put("callId", "PN-1")
                .put("receivedAt", "2026-11-28T09:15:00+08:00")
                .put("content", "来电");
        call.putObject("caller").put("phone", phone);
        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class, () -> new CallParser(java.time.Clock.systemUTC()).parse(call));
        return refused == null ? null : refused.errors().get(0);
    }
}
