package hotline.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextDecodingTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void utf8IsReadWithOrWithoutAByteOrderMark() {
        byte[] plain = "测试姓名甲,某某路999弄".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[plain.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, marked, 3, plain.length);

        assertThat(TextDecoding.decode(plain, StandardCharsets.UTF_8, "(body)")).isEqualTo("测试姓名甲,某某路999弄");
        assertThat(TextDecoding.decode(marked, StandardCharsets.UTF_8, "(body)"))
                .isEqualTo("测试姓名甲,某某路999弄");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheCharsetAndTheByte() {
        byte[] gbk = "ab测试".getBytes(GBK);
        assertThatThrownBy(() -> TextDecoding.decode(gbk, StandardCharsets.UTF_8, "(body)"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError(
                                        "(body)", "is not valid UTF-8 text: a malformed byte sequence at byte 2")));
        // An encoded surrogate (CESU-8) is not UTF-8 either, so it never becomes a lone surrogate in a string.
        assertThat(TextDecoding.tryDecode(
                        new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, StandardCharsets.UTF_8))
                .isEmpty();
    }

    @Test
    void gbkIsReadWhenDeclared() {
        byte[] gbk = "测试姓名甲,某某路999弄".getBytes(GBK);
        assertThat(TextDecoding.decode(gbk, GBK, "(body)")).isEqualTo("测试姓名甲,某某路999弄");
        assertThat(TextDecoding.problem(new byte[] {(byte) 0x81, (byte) 0x20}, GBK))
                .isEqualTo("is not valid GBK text: a malformed byte sequence at byte 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GBK", "gbk", "GB18030", "gb2312", "UTF-8", "utf8", "US-ASCII"})
    void aBatchMayDeclareUtf8OrAChineseCharset(String name) {
        assertThat(TextDecoding.batchCharset(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "utf-16le", "UTF-32", "ISO-8859-1", "windows-1252", "x-unknown", "", "a b"})
    void anyOtherCharsetIsNotRead(String name) {
        assertThat(TextDecoding.batchCharset(name)).isEmpty();
    }

    @Test
    void jsonMayOnlyDeclareUtf8() {
        assertThat(TextDecoding.isUtf8("utf-8")).isTrue();
        assertThat(TextDecoding.isUtf8("UTF8")).isTrue();
        assertThat(TextDecoding.isUtf8("GBK")).isFalse();
        assertThat(TextDecoding.isUtf8("nonsense!")).isFalse();
    }
}
