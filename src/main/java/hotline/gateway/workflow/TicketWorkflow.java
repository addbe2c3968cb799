package hotline.gateway.workflow;

import static hotline.gateway.ticket.TicketStatus.CLOSED;
import static hotline.gateway.ticket.TicketStatus.CREATED;
import static hotline.gateway.ticket.TicketStatus.DISPATCHED;
import static hotline.gateway.ticket.TicketStatus.IN_PROGRESS;
import static hotline.gateway.ticket.TicketStatus.RESOLVED;
import static hotline.gateway.ticket.TicketStatus.RETURNED;
import static hotline.gateway.ticket.TicketStatus.SIGNED;

import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.ticket.TicketStatus;
import hotline.gateway.workflow.Transition.Effect;
import java.util.EnumSet;
import java.util.Set;

/**
 * The ticket state machine: which event is allowed in which state, and where it leads.
 *
 * <p>A ticket at a town office is signed for (from CREATED too: the office may take it off its queue before the
 * gateway has recorded the dispatch), contacted, worked on and resolved; the office may return it while it has not
 * contacted the citizen. A ticket at a dispatch desk is reassigned (a district desk may also pass it to the city
 * desk). An extension request waits for the supervisor's answer. After resolution the hotline calls back; a
 * dissatisfied citizen reopens the ticket once, to the same office; then the hotline closes it.
 */
public final class TicketWorkflow {

    private static final Set<TicketStatus> NOT_YET_SIGNED = EnumSet.of(CREATED, DISPATCHED);
    private static final Set<TicketStatus> WORKING = EnumSet.of(SIGNED, IN_PROGRESS);
    private static final Set<TicketStatus> AT_DESK = EnumSet.of(CREATED, DISPATCHED, RETURNED);

    public Transition decide(TicketState state, OfficeEvent event) {
        TicketStatus status = state.status();
        OfficeEventType type = event.type();
        if (status == CLOSED) {
            throw new IllegalTransitionException(type, status, "the ticket is closed");
        }
        boolean desk = state.level() != AssignmentLevel.TOWN;
        if (desk
                && type != OfficeEventType.REASSIGN
                && type != OfficeEventType.RETURN
                && type != OfficeEventType.PROGRESS
                && type != OfficeEventType.RECLASSIFY) {
            throw new IllegalTransitionException(
                    type,
                    status,
                    "the ticket is at a dispatch desk, which reassigns it (REASSIGN) or passes it on (RETURN)");
        }
        return switch (type) {
            case SIGN ->
                require(
                        NOT_YET_SIGNED,
                        state,
                        type,
                        "only a ticket not yet signed for can be signed",
                        new Transition(SIGNED, Effect.SIGNED));
            case CONTACT ->
                require(
                        EnumSet.of(SIGNED),
                        state,
                        type,
                        "sign the ticket first (SIGN), and only once",
                        new Transition(IN_PROGRESS, Effect.CONTACTED));
            case PROGRESS -> progress(state, type, desk);
            case RETURN -> returnToDesk(state, type);
            case REASSIGN -> reassign(state, type, desk);
            case EXTEND_REQUEST -> extendRequest(state, type);
            case EXTEND_APPROVE -> extensionAnswer(state, type, Effect.EXTENSION_APPROVED);
            case EXTEND_REJECT -> extensionAnswer(state, type, Effect.EXTENSION_REJECTED);
            case RESOLVE ->
                require(
                        WORKING,
                        state,
                        type,
                        "sign the ticket first (SIGN)",
                        new Transition(RESOLVED, Effect.RESOLVED));
            case CALLBACK -> callback(state, event);
            case RECLASSIFY ->
                require(
                        desk ? AT_DESK : EnumSet.of(CREATED, DISPATCHED, SIGNED, IN_PROGRESS),
                        state,
                        type,
                        "a ticket's need is corrected before it is resolved",
                        new Transition(status, Effect.RECLASSIFIED));
            case CLOSE ->
                require(
                        EnumSet.of(RESOLVED),
                        state,
                        type,
                        "only a resolved ticket can be closed",
                        new Transition(CLOSED, Effect.CLOSED));
        };
    }

    private static Transition progress(TicketState state, OfficeEventType type, boolean desk) {
        Set<TicketStatus> allowed = desk ? AT_DESK : WORKING;
        return require(
                allowed,
                state,
                type,
                "progress is noted on a ticket being worked on",
                new Transition(state.status(), Effect.NOTE));
    }

    private static Transition returnToDesk(TicketState state, OfficeEventType type) {
        if (state.level() == AssignmentLevel.CITY_DESK) {
            throw new IllegalTransitionException(
                    type, state.status(), "the city desk does not return tickets; it reassigns them");
        }
        Set<TicketStatus> allowed =
                state.level() == AssignmentLevel.TOWN ? EnumSet.of(CREATED, DISPATCHED, SIGNED) : AT_DESK;
        return require(
                allowed,
                state,
                type,
                "a ticket can be returned before first contact with the citizen",
                new Transition(RETURNED, Effect.RETURNED_TO_DESK));
    }

    private static Transition reassign(TicketState state, OfficeEventType type, boolean desk) {
        if (!desk) {
            throw new IllegalTransitionException(
                    type,
                    state.status(),
                    "the ticket is at a town office; only a dispatch desk reassigns (RETURN it first)");
        }
        return require(
                AT_DESK,
                state,
                type,
                "the desk has already passed the ticket on",
                new Transition(CREATED, Effect.REASSIGNED));
    }

    private static Transition extendRequest(TicketState state, OfficeEventType type) {
        if (state.extensionPending()) {
            throw new IllegalTransitionException(
                    type, state.status(), "an extension request is already waiting for the supervisor");
        }
        return require(
                WORKING,
                state,
                type,
                "extensions are asked for while the ticket is being worked on",
                new Transition(state.status(), Effect.EXTENSION_REQUESTED));
    }

    private static Transition extensionAnswer(TicketState state, OfficeEventType type, Effect effect) {
        if (!state.extensionPending()) {
            throw new IllegalTransitionException(type, state.status(), "no extension request is waiting");
        }
        return require(
                WORKING,
                state,
                type,
                "the ticket is no longer being worked on",
                new Transition(state.status(), effect));
    }

    private static Transition callback(TicketState state, OfficeEvent event) {
        Transition recorded = require(
                EnumSet.of(RESOLVED),
                state,
                event.type(),
                "the hotline calls back after the ticket is resolved",
                new Transition(RESOLVED, Effect.CALLBACK_RECORDED));
        if (state.callbackRecorded()) {
            throw new IllegalTransitionException(
                    event.type(), state.status(), "this resolution already has its callback");
        }
        if (event.satisfaction() == Satisfaction.DISSATISFIED && state.reopened() == 0) {
            return new Transition(IN_PROGRESS, Effect.REOPENED);
        }
        return recorded;
    }

    private static Transition require(
            Set<TicketStatus> allowed, TicketState state, OfficeEventType type, String why, Transition transition) {
        if (!allowed.contains(state.status())) {
            throw new IllegalTransitionException(type, state.status(), why);
        }
        return transition;
    }
}
