package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysAre256RandomBitsNeverTheSame() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeys.generate();
            assertThat(key).startsWith("hk_").hasSize(3 + 43).matches("hk_[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(key.substring(3))).hasSize(32);
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void theHashIsTheSha256OfTheKey() {
        // printf %s abc | sha256sum
        assertThat(HexFormat.of().formatHex(ApiKeys.hash("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeys.parseHexHash(" BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD\n", "HASH"))
                .isEqualTo(ApiKeys.hash("abc"));
        assertThatThrownBy(() -> ApiKeys.parseHexHash("abc", "HOTLINE_OPERATOR_KEY_SHA256"))
                .hasMessageContaining("HOTLINE_OPERATOR_KEY_SHA256")
                .hasMessageContaining("64 hex digits");
    }
}
