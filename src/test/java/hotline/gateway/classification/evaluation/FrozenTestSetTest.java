package hotline.gateway.classification.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.NeedCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frozen test set is written once, apart from the dictionary, the descriptions and the labelled calls, and is
 * never used for tuning: this test fails when the file changes, so a change is a deliberate act seen in review.
 */
class FrozenTestSetTest {

    static final Path FROZEN = Path.of("src/test/resources/classification/frozen-test.jsonl");
    static final String SHA256 = "1b0ba6894e09060152ff91b5943dabf44c2181198c60d95c2c5262426d564f9b";

    @Test
    void theFrozenTestSetIsUnchanged() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(FROZEN));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(SHA256);
    }

    @Test
    void itCoversEveryNeedWithAtLeastFortyUrgentCallsAndSharesNoTextWithTheLabelledCalls() {
        List<LabelledCall> frozen = LabelledCall.read(FROZEN, "frozen-test");
        assertThat(frozen).hasSizeGreaterThanOrEqualTo(150);
        assertThat(frozen.stream().filter(LabelledCall::urgent).count()).isGreaterThanOrEqualTo(40);
        assertThat(frozen.stream().map(LabelledCall::need).distinct()).containsExactlyInAnyOrder(NeedCode.values());
        List<String> labelled =
                LabelledCall.read(Path.of("config/classification/labelled-calls.jsonl"), "tuning").stream()
                        .map(LabelledCall::text)
                        .toList();
        assertThat(frozen).extracting(LabelledCall::text).doesNotContainAnyElementsOf(labelled);
    }

    @Test
    void theLabelledCallsHoldNoTextOfTheSampleCalls() {
        List<String> samples =
                LabelledCall.readSamples(Path.of("src/test/resources/samples/sample-calls.jsonl")).stream()
                        .map(LabelledCall::text)
                        .toList();
        assertThat(samples).isNotEmpty();
        for (LabelledCall call : LabelledCall.read(Path.of("config/classification/labelled-calls.jsonl"), "tuning")) {
            assertThat(samples)
                    .as(call.id())
                    .noneMatch(sample ->
                            sample.contains(call.text()) || call.text().contains(sample));
        }
    }
}
