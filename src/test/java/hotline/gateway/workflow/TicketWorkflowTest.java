package hotline.gateway.workflow;

import static hotline.gateway.ticket.TicketStatus.CLOSED;
import static hotline.gateway.ticket.TicketStatus.CREATED;
import static hotline.gateway.ticket.TicketStatus.DISPATCHED;
import static hotline.gateway.ticket.TicketStatus.IN_PROGRESS;
import static hotline.gateway.ticket.TicketStatus.RESOLVED;
import static hotline.gateway.ticket.TicketStatus.RETURNED;
import static hotline.gateway.ticket.TicketStatus.SIGNED;
import static hotline.gateway.workflow.OfficeEventType.CALLBACK;
import static hotline.gateway.workflow.OfficeEventType.CLOSE;
import static hotline.gateway.workflow.OfficeEventType.CONTACT;
import static hotline.gateway.workflow.OfficeEventType.EXTEND_APPROVE;
import static hotline.gateway.workflow.OfficeEventType.EXTEND_REJECT;
import static hotline.gateway.workflow.OfficeEventType.EXTEND_REQUEST;
import static hotline.gateway.workflow.OfficeEventType.PROGRESS;
import static hotline.gateway.workflow.OfficeEventType.REASSIGN;
import static hotline.gateway.workflow.OfficeEventType.RECLASSIFY;
import static hotline.gateway.workflow.OfficeEventType.RESOLVE;
import static hotline.gateway.workflow.OfficeEventType.RETURN;
import static hotline.gateway.workflow.OfficeEventType.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.ticket.ReturnReasonCode;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.workflow.Transition.Effect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketWorkflowTest {

    private final TicketWorkflow workflow = new TicketWorkflow();

    /** The whole table for a town office (no extension waiting): every pair not listed must be refused. */
    private static final Map<TicketStatus, Map<OfficeEventType, TicketStatus>> TOWN = new EnumMap<>(Map.of(
            CREATED, Map.of(SIGN, SIGNED, RETURN, RETURNED, RECLASSIFY, CREATED),
            DISPATCHED, Map.of(SIGN, SIGNED, RETURN, RETURNED, RECLASSIFY, DISPATCHED),
            SIGNED,
                    Map.of(
                            CONTACT,
                            IN_PROGRESS,
                            PROGRESS,
                            SIGNED,
                            RETURN,
                            RETURNED,
                            EXTEND_REQUEST,
                            SIGNED,
                            RESOLVE,
                            RESOLVED,
                            RECLASSIFY,
                            SIGNED),
            IN_PROGRESS,
                    Map.of(
                            PROGRESS,
                            IN_PROGRESS,
                            EXTEND_REQUEST,
                            IN_PROGRESS,
                            RESOLVE,
                            RESOLVED,
                            RECLASSIFY,
                            IN_PROGRESS),
            RESOLVED, Map.of(CALLBACK, RESOLVED, CLOSE, CLOSED),
            CLOSED, Map.of(),
            RETURNED, Map.of()));

    /**
     * A district dispatch desk: reassigns, passes on to the city desk, notes progress and corrects the need (the
     * status stays).
     */
    private static final Map<OfficeEventType, TicketStatus> DESK = Map.of(REASSIGN, CREATED, RETURN, RETURNED);

    @Test
    void aTownOfficeMayDoExactlyWhatTheTableSays() {
        for (TicketStatus status : TicketStatus.values()) {
            for (OfficeEventType type : OfficeEventType.values()) {
                TicketState state = new TicketState(status, AssignmentLevel.TOWN, false, false, 0);
                TicketStatus expected = TOWN.get(status).get(type);
                if (expected != null) {
                    assertThat(workflow.decide(state, event(type)).next())
                            .as(status + " + " + type)
                            .isEqualTo(expected);
                } else {
                    assertRefused(state, type);
                }
            }
        }
    }

    @Test
    void aDistrictDeskReassignsOrPassesOnAndDoesNothingElse() {
        for (TicketStatus status : TicketStatus.values()) {
            for (OfficeEventType type : OfficeEventType.values()) {
                TicketState state = new TicketState(status, AssignmentLevel.DISTRICT_DESK, false, false, 0);
                boolean atDesk = status == CREATED || status == DISPATCHED || status == RETURNED;
                if (atDesk && (DESK.containsKey(type) || type == PROGRESS || type == RECLASSIFY)) {
                    TicketStatus next = workflow.decide(state, event(type)).next();
                    assertThat(next).as(status + " + " + type).isEqualTo(DESK.getOrDefault(type, status));
                } else {
                    assertRefused(state, type);
                }
            }
        }
    }

    @Test
    void theCityDeskReassignsButDoesNotReturn() {
        TicketState returned = new TicketState(RETURNED, AssignmentLevel.CITY_DESK, false, false, 0);
        assertThat(workflow.decide(returned, event(REASSIGN)).effect()).isEqualTo(Effect.REASSIGNED);
        assertThatThrownBy(() -> workflow.decide(returned, event(RETURN)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("city desk does not return");
    }

    @Test
    void resolveBeforeSignIsRefusedNamingTheEventAndTheState() {
        TicketState dispatched = new TicketState(DISPATCHED, AssignmentLevel.TOWN, false, false, 0);
        assertThatThrownBy(() -> workflow.decide(dispatched, event(RESOLVE)))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.event()).isEqualTo(RESOLVE);
                    assertThat(e.status()).isEqualTo(DISPATCHED);
                })
                .hasMessageStartingWith("RESOLVE is not allowed while the ticket is DISPATCHED");
    }

    @Test
    void anExtensionIsAnsweredOnlyWhileOneIsWaiting() {
        for (TicketStatus status : List.of(SIGNED, IN_PROGRESS)) {
            TicketState waiting = new TicketState(status, AssignmentLevel.TOWN, true, false, 0);
            TicketState none = new TicketState(status, AssignmentLevel.TOWN, false, false, 0);
            assertThat(workflow.decide(waiting, event(EXTEND_APPROVE)).effect()).isEqualTo(Effect.EXTENSION_APPROVED);
            assertThat(workflow.decide(waiting, event(EXTEND_REJECT)).effect()).isEqualTo(Effect.EXTENSION_REJECTED);
            assertThat(workflow.decide(waiting, event(EXTEND_APPROVE)).next()).isEqualTo(status);
            assertRefused(waiting, EXTEND_REQUEST);
            assertRefused(none, EXTEND_APPROVE);
            assertRefused(none, EXTEND_REJECT);
        }
        assertRefused(new TicketState(RESOLVED, AssignmentLevel.TOWN, true, false, 0), EXTEND_APPROVE);
    }

    @Test
    void aDissatisfiedCallbackReopensOnceAndOnlyOnce() {
        TicketState resolved = new TicketState(RESOLVED, AssignmentLevel.TOWN, false, false, 0);
        Transition first = workflow.decide(resolved, callback(Satisfaction.DISSATISFIED));
        assertThat(first.effect()).isEqualTo(Effect.REOPENED);
        assertThat(first.next()).isEqualTo(IN_PROGRESS);

        TicketState resolvedAgain = new TicketState(RESOLVED, AssignmentLevel.TOWN, false, false, 1);
        Transition second = workflow.decide(resolvedAgain, callback(Satisfaction.DISSATISFIED));
        assertThat(second.effect()).isEqualTo(Effect.CALLBACK_RECORDED);
        assertThat(second.next()).isEqualTo(RESOLVED);

        assertThat(workflow.decide(resolved, callback(Satisfaction.BASICALLY_SATISFIED))
                        .effect())
                .isEqualTo(Effect.CALLBACK_RECORDED);
        TicketState calledBack = new TicketState(RESOLVED, AssignmentLevel.TOWN, false, true, 0);
        assertThatThrownBy(() -> workflow.decide(calledBack, callback(Satisfaction.SATISFIED)))
                .hasMessageContaining("already has its callback");
    }

    private void assertRefused(TicketState state, OfficeEventType type) {
        assertThatThrownBy(() -> workflow.decide(state, event(type)))
                .as(state.level() + " " + state.status() + " + " + type)
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith(type + " is not allowed while the ticket is " + state.status());
    }

    private static OfficeEvent event(OfficeEventType type) {
        return new OfficeEvent(
                "e-1",
                type,
                "tester",
                null,
                "why",
                null,
                "done",
                2,
                type == CALLBACK ? Satisfaction.SATISFIED : null,
                "310104003",
                null,
                null,
                type == RETURN ? ReturnReasonCode.NOT_OUR_JURISDICTION : null,
                type == RECLASSIFY ? NeedCode.MEDICAL : null,
                null);
    }

    private static OfficeEvent callback(Satisfaction satisfaction) {
        return new OfficeEvent(
                "e-2",
                CALLBACK,
                "hotline-op",
                null,
                null,
                null,
                null,
                null,
                satisfaction,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
