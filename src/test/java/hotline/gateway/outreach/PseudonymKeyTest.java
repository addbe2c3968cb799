package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The previous key of a re-key, as an operator supplies it, and the fingerprint that tells keys apart. */
class PseudonymKeyTest {

    private static final String SECRET = "a-pseudonym-secret-of-at-least-32-characters";

    @Test
    void thePreviousKeyIsTheSecretAsSetOrTheGeneratedFilesHexContent() {
        assertThat(PseudonymKey.previous(null)).isNull();
        assertThat(PseudonymKey.previous(" ")).isNull();
        assertThat(PseudonymKey.previous(SECRET)).isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        byte[] generated = new byte[32];
        generated[0] = 7;
        assertThat(PseudonymKey.previous("hex:" + HexFormat.of().formatHex(generated) + "\n"))
                .isEqualTo(generated);
        assertThatThrownBy(() -> PseudonymKey.previous("too-short"))
                .hasMessageContaining("OUTREACH_PSEUDONYM_KEY_PREVIOUS must have at least 32 characters");
        assertThatThrownBy(() -> PseudonymKey.previous("hex:zz")).hasMessageContaining("hex digits");
    }

    @Test
    void theFingerprintTellsKeysApartAndIsNoPseudonym() {
        Pseudonyms one = new Pseudonyms(SECRET.getBytes(StandardCharsets.UTF_8));
        Pseudonyms same = new Pseudonyms(SECRET.getBytes(StandardCharsets.UTF_8));
        Pseudonyms other = new Pseudonyms((SECRET + "!").getBytes(StandardCharsets.UTF_8));

        assertThat(one.fingerprint()).hasSize(16).isEqualTo(same.fingerprint()).isNotEqualTo(other.fingerprint());
        // Another text under the same key: no pseudonym of a person or household begins with it.
        assertThat(one.person("110101199003074514")).doesNotStartWith(one.fingerprint());
        assertThat(one.household("H-1")).doesNotStartWith(one.fingerprint());
    }
}
