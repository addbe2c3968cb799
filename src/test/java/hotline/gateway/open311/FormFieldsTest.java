package hotline.gateway.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void decodesPlusAndPercentEscapesAsUtf8AndKeepsEveryValueOfARepeatedName() {
        Map<String, List<String>> fields = FormFields.parse(
                "api_key=xyz&address_string=1234+5th+street&description=%E5%99%AA%E9%9F%B3&attribute%5Bage%5D=82"
                        + "&attribute[x][]=1&attribute[x][]=2&empty=&flag",
                "(body)");
        assertThat(fields.get("address_string")).containsExactly("1234 5th street");
        assertThat(fields.get("description")).containsExactly("噪音");
        assertThat(fields.get("attribute[age]")).containsExactly("82");
        assertThat(fields.get("attribute[x][]")).containsExactly("1", "2");
        assertThat(fields.get("empty")).containsExactly("");
        assertThat(fields.get("flag")).containsExactly("");
        assertThat(fields.keySet()).first().isEqualTo("api_key");
    }

    @Test
    void nothingIsNoFields() {
        assertThat(FormFields.parse((String) null, "(query)")).isEmpty();
        assertThat(FormFields.parse("", "(query)")).isEmpty();
        assertThat(FormFields.parse("a=1&&b=2", "(query)")).containsOnlyKeys("a", "b");
    }

    @Test
    void refusesWhatIsNotAStrictUtf8FormNamingThePart() {
        assertRefused(() -> FormFields.parse("a=%ZZ", "(query)"), "(query)", "percent escape");
        assertRefused(() -> FormFields.parse("a=%E", "(body)"), "(body)", "percent escape");
        assertRefused(() -> FormFields.parse("a=%E5", "(body)"), "(body)", "UTF-8");
        assertRefused(() -> FormFields.parse("a=%FF%FE", "(body)"), "(body)", "UTF-8");
        assertRefused(() -> FormFields.parse("a=%00", "(body)"), "(body)", "NUL");
        assertRefused(
                () -> FormFields.parse("a=噪音".getBytes(StandardCharsets.UTF_8), "(body)"), "(body)", "percent-encoded");
        assertRefused(() -> FormFields.parse("a=1&".repeat(201), "(body)"), "(body)", "200 fields");
    }

    private static void assertRefused(Runnable parse, String part, String why) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo(part);
            assertThat(e.errors().get(0).message()).contains(why);
        });
    }
}
