package hotline.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.intake.CallParser;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every phone number and resident ID number that intake accepts, in every format it accepts, embedded in Chinese and
 * English text, is masked: in the text masked for display and in a log line. What stays readable of a number is its
 * country code and its first 3 and last 4 digits.
 */
class PersonalNumbersPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CallParser VALIDATOR = new CallParser(java.time.Clock.systemUTC());
    private static final Logger LOGGER = new LoggerContext().getLogger("test");

    /** A number as written, how many characters of it are its country code, and whether it is a phone number. */
    record Written(String text, int prefixLength, boolean phone) {

        /** The number without country code and separators: e.g. 13600001237. */
        String digits() {
            return text.substring(prefixLength).replaceAll("[ -]", "");
        }

        /**
         * The digits a mask may leave: those of the country code, the first 3 and the last 4 of the rest (none of the
         * rest when it has fewer than 8).
         */
        long shownDigits() {
            String rest = digits();
            String shown = rest.length() < 8 ? "" : rest.substring(0, 3) + rest.substring(rest.length() - 4);
            return digitCount(text.substring(0, prefixLength)) + digitCount(shown);
        }
    }

    @Property(tries = 2000)
    void everyAcceptedNumberIsMaskedInAnyText(@ForAll("texts") Text text) {
        for (Written number : text.numbers()) {
            assertThatCode(() -> VALIDATOR.parse(call(number)))
                    .as("intake accepts %s", number.text())
                    .doesNotThrowAnyException();
        }

        String masked = PersonalData.maskText(text.value());
        String logged = new MaskingMessageConverter().convert(logLine(text.value()));

        assertThat(logged).isEqualTo(masked);
        String maskedDigits = masked.replaceAll("[ -]", "");
        long shown = 0;
        for (Written number : text.numbers()) {
            assertThat(masked).as(text.value()).doesNotContain(number.text());
            assertThat(maskedDigits).as(text.value()).doesNotContain(number.digits());
            if (!number.phone()) {
                // The birth date (characters 7-14) never shows.
                assertThat(maskedDigits)
                        .as(text.value())
                        .doesNotContain(number.digits().substring(6, 14));
            }
            shown += number.shownDigits();
        }
        // The text between the numbers has no digits: every digit still readable is one a mask may show.
        assertThat(digitCount(masked)).as(masked).isEqualTo(shown);
    }

    @Property(tries = 300)
    void textWithoutNumbersIsLeftAlone(@ForAll("words") String words) {
        assertThat(PersonalData.maskText(words)).isSameAs(words);
    }

    @Provide
    Arbitrary<Text> texts() {
        Arbitrary<Written> number = Arbitraries.oneOf(mobiles(), landlines(), foreignNumbers(), idNumbers());
        return Combinators.combine(
                        number.list().ofMinSize(1).ofMaxSize(4),
                        words().list().ofSize(5),
                        separators().list().ofSize(10))
                .as((numbers, words, separators) -> {
                    StringBuilder value = new StringBuilder(words.get(0));
                    for (int i = 0; i < numbers.size(); i++) {
                        value.append(separators.get(2 * i))
                                .append(numbers.get(i).text());
                        value.append(separators.get(2 * i + 1));
                        // Between two numbers at least one character other than a separator, so that they cannot be
                        // read as one number.
                        String after = words.get(i + 1);
                        value.append(after);
                        if (i < numbers.size() - 1
                                && after.replaceAll("[ -]", "").isEmpty()) {
                            value.append('号');
                        }
                    }
                    return new Text(value.toString(), numbers);
                });
    }

    record Text(String value, List<Written> numbers) {}

    /** Chinese, English and punctuation, no digits. */
    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings()
                .withCharRange('\u4e00', '\u9fa5')
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withChars(' ', '，', '。', '：', ':', ',', '.', '(', ')', '-', '/', '#')
                .ofMaxLength(12);
    }

    private static Arbitrary<String> separators() {
        return Arbitraries.of("", "", " ", "-");
    }

    /** A separator between the groups of a number: none, one space or one hyphen. */
    private static Arbitrary<String> groupSeparator() {
        return Arbitraries.of("", " ", "-");
    }

    private static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().numeric().ofLength(length);
    }

    /** 1[3-9]x xxxx xxxx, optionally after +86, 0086 or 86. */
    private static Arbitrary<Written> mobiles() {
        Arbitrary<String> body = Combinators.combine(
                        Arbitraries.integers().between(3, 9),
                        digits(1),
                        groupSeparator(),
                        digits(4),
                        groupSeparator(),
                        digits(4))
                .as((second, third, s1, middle, s2, last) -> "1" + second + third + s1 + middle + s2 + last);
        return Combinators.combine(Arbitraries.of("", "+86", "0086", "86"), groupSeparator(), body)
                .as((country, separator, mobile) -> country.isEmpty()
                        ? new Written(mobile, 0, true)
                        : new Written(country + separator + mobile, country.length(), true));
    }

    /** 0 and a 2- or 3-digit area code, a 7- or 8-digit local number; after +86 or 0086 the area code drops its 0. */
    private static Arbitrary<Written> landlines() {
        Arbitrary<String> area = Combinators.combine(Arbitraries.integers().between(1, 9), digits(1), digits(1))
                .as((first, second, third) -> List.of(first + second, first + second + third))
                .flatMap(Arbitraries::of);
        Arbitrary<String> local = Combinators.combine(
                        Arbitraries.integers().between(2, 9), Arbitraries.oneOf(digits(2), digits(3)))
                .as((first, rest) -> first + rest);
        return Combinators.combine(
                        Arbitraries.of("", "+86", "0086"),
                        groupSeparator(),
                        area,
                        groupSeparator(),
                        local,
                        groupSeparator(),
                        digits(4))
                .as((country, s0, areaCode, s1, head, s2, tail) -> country.isEmpty()
                        ? new Written("0" + areaCode + s1 + head + s2 + tail, 0, true)
                        : new Written(country + s0 + areaCode + s1 + head + s2 + tail, country.length(), true));
    }

    /** + or 00 and 7 to 15 digits of another country than 86, in groups. */
    private static Arbitrary<Written> foreignNumbers() {
        Arbitrary<String> number = Combinators.combine(
                        Arbitraries.integers().between(1, 9),
                        digits(1),
                        Arbitraries.integers().between(5, 13))
                .flatAs((first, second, rest) -> digits(rest).map(tail -> first + second + tail))
                .filter(digits -> !digits.startsWith("86"));
        return Combinators.combine(
                        Arbitraries.of("+", "00"),
                        number,
                        groupSeparator().list().ofSize(14))
                .as((prefix, digits, separators) -> {
                    StringBuilder written = new StringBuilder(prefix);
                    for (int i = 0; i < digits.length(); i++) {
                        written.append(digits.charAt(i));
                        if (i < digits.length() - 1 && i % 3 == 2) {
                            written.append(separators.get(i));
                        }
                    }
                    return new Written(written.toString(), prefix.length(), true);
                });
    }

    /** Valid resident ID numbers: a birth date from 1900 on, the GB 11643 check character, sometimes a lower-case x. */
    private static Arbitrary<Written> idNumbers() {
        Arbitrary<String> birthDate = Arbitraries.longs()
                .between(
                        LocalDate.of(1900, 1, 1).toEpochDay(),
                        LocalDate.of(2025, 12, 31).toEpochDay())
                .map(day -> LocalDate.ofEpochDay(day).format(DateTimeFormatter.BASIC_ISO_DATE));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 6),
                        digits(5),
                        birthDate,
                        digits(3),
                        Arbitraries.of(true, false))
                .as((first, area, born, sequence, lowerCase) -> {
                    String first17 = first + area + born + sequence;
                    char check = ResidentIdNumber.checkCharacter(first17);
                    return new Written(first17 + (lowerCase ? Character.toLowerCase(check) : check), 0, false);
                });
    }

    private static ObjectNode call(Written number) {
        ObjectNode call = JSON.createObjectNode()
                .put("callId", "PROP-1")
                .put("receivedAt", "2026-11-28T09:15:00+08:00")
                .put("content", "来电");
        call.putObject("caller").put(number.phone() ? "phone" : "idNumber", number.text());
        return call;
    }

    private static LoggingEvent logLine(String message) {
        return new LoggingEvent(PersonalNumbersPropertiesTest.class.getName(), LOGGER, Level.INFO, message, null, null);
    }

    private static long digitCount(String text) {
        return text.chars().filter(c -> c >= '0' && c <= '9').count();
    }
}
