package hotline.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    @Test
    void codesAreEightCharactersWithoutLookAlikes() {
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = TrackingCodes.generate();
            assertThat(code).hasSize(8).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
            code.chars().forEach(c -> seen.add((char) c));
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(9_990);
        assertThat(seen).hasSize(31).doesNotContain('0', 'O', '1', 'I', 'L');
    }

    @Test
    void aCodeMatchesAsWrittenByPeople() {
        assertThat(TrackingCodes.matches("K7M2QX9P", "K7M2QX9P")).isTrue();
        assertThat(TrackingCodes.matches("K7M2QX9P", "k7m2 qx9p")).isTrue();
        assertThat(TrackingCodes.matches("K7M2QX9P", "K7M2-QX9P")).isTrue();
        assertThat(TrackingCodes.matches("K7M2QX9P", "K7M2QX9R")).isFalse();
        assertThat(TrackingCodes.matches("K7M2QX9P", "")).isFalse();
        assertThat(TrackingCodes.matches(null, "K7M2QX9P")).isFalse();
    }
}
