package hotline.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.GatewayIntegrationTest;
import hotline.gateway.support.SampleCalls;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Names, phone numbers and resident ID numbers never reach the log unmasked: not on success, not on failure. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsEndToEndTest extends GatewayIntegrationTest {

    @Test
    void intakeLogsNoPersonalData(CapturedOutput output) {
        ObjectNode call = SampleCalls.byId("DEV-2026-0001").withCallId("PII-" + UUID.randomUUID());
        assertThat(gateway().postJson("/api/v1/calls", call.toString()).status())
                .isEqualTo(201);
        call.put("content", "another body under the same call id");
        assertThat(gateway().postJson("/api/v1/calls", call.toString()).status())
                .isEqualTo(409);
        ((ObjectNode) call.get("caller")).put("idNumber", "310107196803119048");
        assertThat(gateway().postJson("/api/v1/calls", call.toString()).status())
                .isEqualTo(400);

        assertThat(output.getAll()).doesNotContain("韩桂芳", "13201501449", "310107196803119049", "310107196803119048");
    }

    @Test
    void whateverLogsANumberTheLogMasksIt(CapturedOutput output) {
        LoggerFactory.getLogger("some.library")
                .warn(
                        "failed for 13201501449 with id 310107196803119049",
                        new IllegalStateException("row (13201501449) rejected"));

        assertThat(output.getAll())
                .contains("132****1449", "310***********9049")
                .doesNotContain("13201501449", "310107196803119049");
    }
}
