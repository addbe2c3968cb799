package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.jurisdiction.OfficeCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static Actor actor(String user) {
        return Actor.ofUser(user, Set.of("gateway")).orElseThrow();
    }

    @Test
    void aUserThatIsNoOfficeDeskHotlineOrSystemUserActsForNobody() {
        assertThat(Actor.ofUser("admin", Set.of("gateway"))).isEmpty();
        assertThat(Actor.ofUser("gateway", Set.of("gateway"))).isPresent();
    }

    @Test
    void brokerUsersActForTheirOffice() {
        assertThat(actor("office-310104003").office().value()).isEqualTo("310104003");
        assertThat(actor("desk-310104").office().value()).isEqualTo("310104");
        assertThat(actor("desk-city").office().value()).isEqualTo("city");
        assertThat(actor("hotline").office().value()).isEqualTo("hotline");
        assertThat(actor("gateway").system()).isTrue();
        assertThat(actor("office-310104003").system()).isFalse();
    }

    @Test
    void anOfficeSeesItsOwnTicketsAndADistrictDeskItsTowns() {
        assertThat(actor("office-310104003").maySee(new OfficeCode("310104003")))
                .isTrue();
        assertThat(actor("office-310104003").maySee(new OfficeCode("310104004")))
                .isFalse();
        assertThat(actor("office-310104003").maySee(new OfficeCode("310104"))).isFalse();
        assertThat(actor("desk-310104").maySee(new OfficeCode("310104004"))).isTrue();
        assertThat(actor("desk-310104").maySee(new OfficeCode("310104"))).isTrue();
        assertThat(actor("desk-310104").maySee(new OfficeCode("310101002"))).isFalse();
        assertThat(actor("desk-city").maySee(new OfficeCode("310101002"))).isTrue();
        assertThat(actor("gateway").maySee(new OfficeCode("city"))).isTrue();
    }
}
