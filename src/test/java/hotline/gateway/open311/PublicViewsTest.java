package hotline.gateway.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PublicViewsTest {

    final PublicViews views = new PublicViews(ShippedCatalogue.load(), ZoneId.of("Asia/Shanghai"));

    static StoredRequest stored(String status, String need, String chosen) {
        return new StoredRequest(
                "20261130-0000001",
                status,
                false,
                need,
                chosen,
                "天平路街道",
                "垃圾没人清运，电话13912345678",
                "徐汇区天平路88号",
                null,
                31.2,
                121.4,
                null,
                Instant.parse("2026-11-30T01:00:00Z"),
                Instant.parse("2026-11-30T02:00:00Z"),
                Instant.parse("2026-12-07T01:00:00Z"));
    }

    @Test
    void anOpenPublicSpaceReportShowsItsMaskedDescriptionAndDeadline() {
        RequestView view = views.of(stored("SIGNED", "URBAN_MANAGEMENT", "URBAN_MANAGEMENT"));
        assertThat(view.status()).isEqualTo("open");
        assertThat(view.statusNotes()).isEqualTo("天平路街道已签收 / Signed for by 天平路街道");
        assertThat(view.description()).startsWith("垃圾没人清运").doesNotContain("13912345678");
        assertThat(view.requestedDatetime()).isEqualTo("2026-11-30T09:00:00+08:00");
        assertThat(view.expectedDatetime()).isEqualTo("2026-12-07T09:00:00+08:00");
        assertThat(view.serviceName()).startsWith("城市管理");
        assertThat(view.agencyResponsible()).isEqualTo("天平路街道");
    }

    @Test
    void aHouseholdsCircumstancesAreNeverShown() {
        assertThat(views.of(stored("CREATED", "SUBSISTENCE", "SUBSISTENCE")).description())
                .isNull();
        assertThat(views.of(stored("CREATED", "OTHER", "OTHER")).description()).isNull();
        // Sent as private, moved to a public service by a desk: still private; and the other way round.
        assertThat(views.of(stored("CREATED", "URBAN_MANAGEMENT", "SUBSISTENCE"))
                        .description())
                .isNull();
        assertThat(views.of(stored("CREATED", "MEDICAL", "URBAN_MANAGEMENT")).description())
                .isNull();
    }

    @Test
    void resolvedAndClosedAreClosedWithoutADeadline() {
        for (String status : new String[] {"RESOLVED", "CLOSED"}) {
            RequestView view = views.of(stored(status, "URBAN_MANAGEMENT", "URBAN_MANAGEMENT"));
            assertThat(view.status()).isEqualTo("closed");
            assertThat(view.expectedDatetime()).isNull();
        }
        assertThat(views.of(stored("RETURNED", "URBAN_MANAGEMENT", "URBAN_MANAGEMENT"))
                        .status())
                .isEqualTo("open");
    }
}
