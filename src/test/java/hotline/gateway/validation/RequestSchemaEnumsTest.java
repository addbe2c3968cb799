package hotline.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.intake.Channel;
import hotline.gateway.security.ClientRole;
import hotline.gateway.ticket.ReturnReasonCode;
import hotline.gateway.workflow.OfficeEventType;
import hotline.gateway.workflow.Satisfaction;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The allowed values the request schemas list are the Java enums the gateway reads them into, no more, no less. */
class RequestSchemaEnumsTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of("call", "/properties/channel/enum", Channel.class),
                Arguments.of("office-event", "/properties/type/enum", OfficeEventType.class),
                Arguments.of("office-event", "/properties/reasonCode/enum", ReturnReasonCode.class),
                Arguments.of("office-event", "/properties/outcome/enum", hotline.gateway.ticket.VisitOutcome.class),
                Arguments.of("office-event", "/properties/satisfaction/enum", Satisfaction.class),
                Arguments.of("common", "/$defs/needCode/enum", NeedCode.class),
                Arguments.of("api-client", "/properties/role/enum", ClientRole.class));
    }

    @ParameterizedTest
    @MethodSource("enums")
    void theSchemaListsTheEnum(String schema, String pointer, Class<? extends Enum<?>> type) throws Exception {
        JsonNode document;
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream(RequestSchema.FOLDER + schema + ".schema.json")) {
            document = new ObjectMapper().readTree(in);
        }
        List<String> listed = new ArrayList<>();
        document.at(pointer).forEach(value -> listed.add(value.asText()));
        assertThat(listed)
                .containsExactlyElementsOf(
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
