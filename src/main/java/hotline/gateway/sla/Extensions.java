package hotline.gateway.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves a resolution due time by approved working days, never past the policy's maximum from the assignment's
 * start.
 */
public final class Extensions {

    private final WorkingTime time;
    private final SlaSpan maximum;
    private final Duration workingDay;

    public Extensions(WorkingTime time, SlaSpan maximum, Duration workingDay) {
        this.time = time;
        this.maximum = maximum;
        this.workingDay = workingDay;
    }

    public Extensions(WorkingTime time, SlaPolicy policy) {
        this(time, policy.extensionMaximum(), policy.workingHours().perDay());
    }

    public Extension extend(Instant assignmentStartedAt, Instant currentDueAt, int workingDays) {
        if (workingDays <= 0) {
            throw new IllegalArgumentException("an extension is a positive number of working days: " + workingDays);
        }
        Instant maximumDueAt = time.plus(assignmentStartedAt, maximum);
        Instant requested = time.plusWorking(currentDueAt, workingDay.multipliedBy(workingDays));
        if (!requested.isAfter(maximumDueAt)) {
            return new Extension(requested, false, maximumDueAt);
        }
        // A due time already past the maximum (the policy changed since) is kept, never shortened.
        Instant capped = currentDueAt.isAfter(maximumDueAt) ? currentDueAt : maximumDueAt;
        return new Extension(capped, true, maximumDueAt);
    }
}
