package hotline.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.ticket.ReturnReasonCode;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficeEventParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OfficeEventParser parser = new OfficeEventParser(java.time.Clock.systemUTC());

    private OfficeEvent parse(String json) throws Exception {
        return parser.parse(JSON.readTree(json), "20261129-0000001");
    }

    private List<FieldError> refused(String json) throws Exception {
        var body = JSON.readTree(json);
        InvalidInputException refused =
                catchThrowableOfType(InvalidInputException.class, () -> parser.parse(body, "20261129-0000001"));
        assertThat(refused).as("refused: %s", json).isNotNull();
        return refused.errors();
    }

    @Test
    void aReturnCarriesItsReasonCodeBesideTheWords() throws Exception {
        OfficeEvent event = parse("""
                {"eventId": "r-1", "type": "RETURN", "actor": "wang.li", "reasonCode": "wrong_address",
                 "reason": "门牌号不存在"}
                """);
        assertThat(event.reasonCode()).isEqualTo(ReturnReasonCode.WRONG_ADDRESS);
        assertThat(event.reason()).isEqualTo("门牌号不存在");
    }

    @Test
    void aReturnWithoutACodeOrWithAnUnknownOneIsRefusedNamingReasonCode() throws Exception {
        assertThat(refused("""
                        {"eventId": "r-2", "type": "RETURN", "actor": "wang.li", "reason": "不属本街道"}
                        """)).containsExactly(new FieldError("reasonCode", "is required for RETURN"));
        assertThat(refused("""
                        {"eventId": "r-3", "type": "RETURN", "actor": "wang.li", "reasonCode": "NOT_MINE",
                         "reason": "不属本街道"}
                        """))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "reasonCode",
                        "must be one of NOT_OUR_JURISDICTION, WRONG_ADDRESS, DUPLICATE, OTHER_DEPARTMENT,"
                                + " NOT_A_GOVERNMENT_MATTER, OTHER"));
        // The words stay required too.
        assertThat(refused("""
                        {"eventId": "r-4", "type": "RETURN", "actor": "wang.li", "reasonCode": "DUPLICATE"}
                        """)).extracting(FieldError::field).containsExactly("reason");
    }

    @Test
    void aReasonCodeBelongsToReturnsOnly() throws Exception {
        assertThat(refused("""
                        {"eventId": "s-1", "type": "SIGN", "actor": "wang.li", "reasonCode": "DUPLICATE"}
                        """)).extracting(FieldError::field).containsExactly("reasonCode");
        assertThat(parse("""
                        {"eventId": "s-2", "type": "SIGN", "actor": "wang.li"}
                        """).reasonCode()).isNull();
    }
}
