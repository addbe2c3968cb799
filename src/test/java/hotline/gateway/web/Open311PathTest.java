package hotline.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.web.Open311Replies.Format;
import org.junit.jupiter.api.Test;

class Open311PathTest {

    @Test
    void aResourceOrACollectionsItemWithItsFormat() {
        assertThat(Open311Path.parse("/open311/v2/services.xml"))
                .isEqualTo(new Open311Path("services", null, Format.XML));
        assertThat(Open311Path.parse("/open311/v2/requests/20261130-0000001.json"))
                .isEqualTo(new Open311Path("requests", "20261130-0000001", Format.JSON));
        assertThat(Open311Path.parse("/open311/v2/tokens/a.b.json"))
                .isEqualTo(new Open311Path("tokens", "a.b", Format.JSON));
    }

    @Test
    void anythingElseIs404() {
        for (String path : new String[] {
            "/open311/v2/services",
            "/open311/v2/services.csv",
            "/open311/v2/.json",
            "/open311/v2/a/b/c.json",
            "/open311/v2/requests/.json",
            "/api/v1/calls"
        }) {
            assertThatThrownBy(() -> Open311Path.parse(path))
                    .as(path)
                    .isInstanceOfSatisfying(
                            HttpProblemException.class,
                            e -> assertThat(e.status()).isEqualTo(404));
        }
        assertThat(Open311Path.formatOf("/open311/v2/nothing.XML")).isEqualTo(Format.XML);
        assertThat(Open311Path.formatOf("/open311/v2/nothing")).isEqualTo(Format.JSON);
    }
}
