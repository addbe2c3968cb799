package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.jurisdiction.OfficeCode;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final OfficeCode TIANPING = new OfficeCode("310104003");
    private static final OfficeCode NANJING_EAST = new OfficeCode("310101002");

    @Test
    void theHoldersOfATicketSeeItWhole() {
        assertThat(Caller.of(new ApiClient("m", ClientRole.MANAGER, null)).holds(NANJING_EAST))
                .isTrue();
        Caller xuhui = Caller.of(new ApiClient("m", ClientRole.MANAGER, "310104"));
        assertThat(xuhui.holds(TIANPING)).isTrue();
        assertThat(xuhui.holds(new OfficeCode("310104"))).isTrue();
        assertThat(xuhui.holds(NANJING_EAST)).isFalse();
        assertThat(xuhui.holds(OfficeCode.CITY)).isFalse();
        assertThat(Caller.of(new ApiClient("h", ClientRole.HOTLINE, null)).holds(TIANPING))
                .isTrue();
        assertThat(Caller.of(new ApiClient("o", ClientRole.OPERATOR, null)).holds(TIANPING))
                .isTrue();
        assertThat(Caller.of(new ApiClient("c", ClientRole.CENTRE, "CAC-1")).holds(TIANPING))
                .isFalse();
        assertThat(Caller.brokerUser(new Actor("office-310104003", TIANPING)).holds(NANJING_EAST))
                .isFalse();
    }

    @Test
    void onlyTheHotlineAndOperatorsActOnTickets() {
        assertThat(Caller.of(new ApiClient("h", ClientRole.HOTLINE, null)).actor())
                .isEqualTo(new Actor("h", OfficeCode.HOTLINE));
        assertThat(Caller.of(new ApiClient("o", ClientRole.OPERATOR, null))
                        .actor()
                        .system())
                .isTrue();
        assertThat(Caller.of(new ApiClient("m", ClientRole.MANAGER, null)).actor())
                .isNull();
        assertThat(Caller.of(new ApiClient("c", ClientRole.CENTRE, "CAC-1")).actor())
                .isNull();
    }
}
