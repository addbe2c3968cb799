package hotline.gateway.open311;

import static hotline.gateway.open311.SubmissionParserTest.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestQueryTest {

    static final ServiceCatalogue CATALOGUE = ShippedCatalogue.load();
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void withoutDatesItIsTheLast90Days() {
        RequestQuery query = RequestQuery.parse(form(), CATALOGUE, NOW);
        assertThat(query.end()).isEqualTo(NOW);
        assertThat(query.start()).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(query.ids()).isEmpty();
        assertThat(query.statuses()).isEmpty();
    }

    @Test
    void oneDateMakesA90DaySpanFromIt() {
        RequestQuery fromStart = RequestQuery.parse(form("start_date", "2026-01-01T00:00:00+08:00"), CATALOGUE, NOW);
        assertThat(fromStart.start()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(fromStart.end()).isEqualTo(fromStart.start().plus(Duration.ofDays(90)));
        RequestQuery toEnd = RequestQuery.parse(form("end_date", "2026-05-01T00:00:00Z"), CATALOGUE, NOW);
        assertThat(toEnd.start())
                .isEqualTo(Instant.parse("2026-05-01T00:00:00Z").minus(Duration.ofDays(90)));
    }

    @Test
    void listsAreCommaDelimited() {
        RequestQuery query = RequestQuery.parse(
                form(
                        "service_request_id", "20261130-0000001,20261130-0000002",
                        "service_code", "URBAN_MANAGEMENT,OTHER",
                        "status", "open,closed"),
                CATALOGUE,
                NOW);
        assertThat(query.ids()).containsExactly("20261130-0000001", "20261130-0000002");
        assertThat(query.serviceCodes()).containsExactly("URBAN_MANAGEMENT", "OTHER");
        assertThat(query.statuses()).containsExactlyInAnyOrder("open", "closed");
    }

    @Test
    void badArgumentsAreNamed() {
        assertFields(form("start_date", "2026-01-01"), "start_date");
        assertFields(form("end_date", "2026-01-01T00:00:00"), "end_date");
        assertFields(form("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-04-02T00:00:00Z"), "end_date");
        assertFields(form("start_date", "2026-02-01T00:00:00Z", "end_date", "2026-01-01T00:00:00Z"), "start_date");
        assertFields(form("status", "pending"), "status");
        assertFields(form("service_code", "POTHOLE"), "service_code");
        assertFields(form("service_request_id", "a b"), "service_request_id");
    }

    private static void assertFields(java.util.Map<String, java.util.List<String>> form, String... fields) {
        assertThatThrownBy(() -> RequestQuery.parse(form, CATALOGUE, NOW))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(fields));
    }
}
