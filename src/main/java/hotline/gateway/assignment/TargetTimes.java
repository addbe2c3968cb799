package hotline.gateway.assignment;

import java.time.Instant;

/**
 * One deadline of an assignment and what happened to it: warned at the warning share, met, or breached.
 *
 * @param workingMinutes working time from the assignment's start to metAt, kept for reports
 */
public record TargetTimes(
        Instant warnAt, Instant dueAt, Instant metAt, Instant warnedAt, Instant breachedAt, Integer workingMinutes) {

    public static TargetTimes due(Instant warnAt, Instant dueAt) {
        return new TargetTimes(warnAt, dueAt, null, null, null, null);
    }

    public TargetTimes met(Instant at, int minutes) {
        return new TargetTimes(warnAt, dueAt, at, warnedAt, breachedAt, minutes);
    }

    public TargetTimes warned(Instant at) {
        return new TargetTimes(warnAt, dueAt, metAt, at, breachedAt, workingMinutes);
    }

    public TargetTimes breached(Instant at) {
        return new TargetTimes(warnAt, dueAt, metAt, warnedAt, at, workingMinutes);
    }

    /**
     * The target with a new deadline (an approved extension). A target not yet breached may be warned again before
     * its new deadline; a breach stands: the ticket was late, and stays escalated and overdue until resolved.
     */
    public TargetTimes movedTo(Instant newWarnAt, Instant newDueAt) {
        return new TargetTimes(
                newWarnAt, newDueAt, metAt, breachedAt == null ? null : warnedAt, breachedAt, workingMinutes);
    }

    /**
     * Met exactly at the due time is in time; unmet at the due time is breached, so the sweep that wakes at the due
     * time breaches it then rather than never.
     */
    public static boolean isBreached(Instant dueAt, Instant metAt, Instant now) {
        return metAt != null ? metAt.isAfter(dueAt) : !now.isBefore(dueAt);
    }
}
