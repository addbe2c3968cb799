package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void brokerUsersActForTheirOffice() {
        assertThat(Actor.ofUser("office-310104003").office()).isEqualTo("310104003");
        assertThat(Actor.ofUser("desk-310104").office()).isEqualTo("310104");
        assertThat(Actor.ofUser("desk-city").office()).isEqualTo("city");
        assertThat(Actor.ofUser("hotline").office()).isEqualTo("hotline");
        assertThat(Actor.ofUser("gateway").system()).isTrue();
        assertThat(Actor.ofUser("office-310104003").system()).isFalse();
    }

    @Test
    void anOfficeSeesItsOwnTicketsAndADistrictDeskItsTowns() {
        assertThat(Actor.ofUser("office-310104003").maySee("310104003")).isTrue();
        assertThat(Actor.ofUser("office-310104003").maySee("310104004")).isFalse();
        assertThat(Actor.ofUser("office-310104003").maySee("310104")).isFalse();
        assertThat(Actor.ofUser("desk-310104").maySee("310104004")).isTrue();
        assertThat(Actor.ofUser("desk-310104").maySee("310104")).isTrue();
        assertThat(Actor.ofUser("desk-310104").maySee("310101002")).isFalse();
        assertThat(Actor.ofUser("desk-city").maySee("310101002")).isTrue();
        assertThat(Actor.ofUser("gateway").maySee("city")).isTrue();
    }
}
