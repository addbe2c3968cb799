package hotline.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.jurisdiction.ResolutionRule;
import org.junit.jupiter.api.Test;

class OfficeRightsTest {

    private static final Assignment TIANPING =
            new Assignment(AssignmentLevel.TOWN, "310104003", "天平路街道", ResolutionRule.TOWN_CODE, null);
    private static final Assignment XUHUI_DESK =
            new Assignment(AssignmentLevel.DISTRICT_DESK, "310104", "徐汇区", ResolutionRule.RETURNED_BY_OFFICE, null);

    @Test
    void aTownOfficeWorksItsOwnTicketsOnly() {
        assertThat(OfficeRights.mayAct(new OfficeCode("310104003"), OfficeEventType.SIGN, TIANPING, "310104"))
                .isTrue();
        assertThat(OfficeRights.mayAct(new OfficeCode("310104003"), OfficeEventType.RESOLVE, TIANPING, "310104"))
                .isTrue();
        assertThat(OfficeRights.mayAct(new OfficeCode("310104004"), OfficeEventType.SIGN, TIANPING, "310104"))
                .isFalse();
        assertThat(OfficeRights.mayAct(new OfficeCode("310104003"), OfficeEventType.EXTEND_APPROVE, TIANPING, "310104"))
                .isFalse();
        assertThat(OfficeRights.mayAct(new OfficeCode("310104003"), OfficeEventType.CALLBACK, TIANPING, "310104"))
                .isFalse();
    }

    @Test
    void theDistrictSupervisesExtensionsAndReassignsAtItsDesk() {
        assertThat(OfficeRights.mayAct(new OfficeCode("310104"), OfficeEventType.EXTEND_APPROVE, TIANPING, "310104"))
                .isTrue();
        assertThat(OfficeRights.mayAct(new OfficeCode("310101"), OfficeEventType.EXTEND_APPROVE, TIANPING, "310104"))
                .isFalse();
        assertThat(OfficeRights.mayAct(new OfficeCode("310104"), OfficeEventType.SIGN, TIANPING, "310104"))
                .isFalse();
        assertThat(OfficeRights.mayAct(new OfficeCode("310104"), OfficeEventType.REASSIGN, XUHUI_DESK, "310104"))
                .isTrue();
        assertThat(OfficeRights.mayAct(new OfficeCode("310101"), OfficeEventType.REASSIGN, XUHUI_DESK, "310104"))
                .isFalse();
        assertThat(OfficeRights.mayAct(new OfficeCode("city"), OfficeEventType.EXTEND_REJECT, TIANPING, "310104"))
                .isTrue();
    }

    @Test
    void theHotlineCallsBackAndCloses() {
        assertThat(OfficeRights.mayAct(new OfficeCode("hotline"), OfficeEventType.CALLBACK, TIANPING, "310104"))
                .isTrue();
        assertThat(OfficeRights.mayAct(new OfficeCode("hotline"), OfficeEventType.CLOSE, TIANPING, "310104"))
                .isTrue();
        assertThat(OfficeRights.mayAct(new OfficeCode("hotline"), OfficeEventType.SIGN, TIANPING, "310104"))
                .isFalse();
    }
}
