package hotline.gateway.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One row of an SLA report: a group (office, district, need or day) or the total. docs/reports.md defines every
 * figure. Each rate comes with its numerator and denominator; a rate is null (shown, not omitted) when its
 * denominator is 0. Times are working hours.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SlaFigures(
        String key,
        String name,
        String level,
        String district,
        long received,
        long dispatched,
        long signedOnTime,
        long signDecided,
        Double signedOnTimeRate,
        long contactedOnTime,
        long contactDecided,
        Double contactedOnTimeRate,
        long resolvedOnTime,
        long resolveDecided,
        Double resolvedOnTimeRate,
        long reassignedOnTime,
        long reassignDecided,
        Double reassignedOnTimeRate,
        long openNow,
        long overdueNow,
        Double signHoursMedian,
        Double signHoursP90,
        Double resolveHoursMedian,
        Double resolveHoursP90,
        long returns,
        List<ReturnReason> returnReasons,
        long extensionsApproved,
        long extensionsRejected,
        long extensionDays,
        long escalations,
        long responded,
        long responseDecided,
        Double responseRate,
        long resolvedForGood,
        long resolutionDecided,
        Double resolutionRate,
        long callbacks,
        long satisfied,
        long basicallySatisfied,
        long dissatisfied,
        Double satisfactionRate) {

    /** These counts with the figures that needed sorting: times to sign and resolve, return reasons. */
    SlaFigures withSpread(Spread spread) {
        return new SlaFigures(
                key,
                name,
                level,
                district,
                received,
                dispatched,
                signedOnTime,
                signDecided,
                signedOnTimeRate,
                contactedOnTime,
                contactDecided,
                contactedOnTimeRate,
                resolvedOnTime,
                resolveDecided,
                resolvedOnTimeRate,
                reassignedOnTime,
                reassignDecided,
                reassignedOnTimeRate,
                openNow,
                overdueNow,
                spread.signHoursMedian(),
                spread.signHoursP90(),
                spread.resolveHoursMedian(),
                spread.resolveHoursP90(),
                returns,
                spread.returnReasons(),
                extensionsApproved,
                extensionsRejected,
                extensionDays,
                escalations,
                responded,
                responseDecided,
                responseRate,
                resolvedForGood,
                resolutionDecided,
                resolutionRate,
                callbacks,
                satisfied,
                basicallySatisfied,
                dissatisfied,
                satisfactionRate);
    }

    /** Median and 90th percentile working hours (null when no target was met) and the return reasons of a group. */
    record Spread(
            Double signHoursMedian,
            Double signHoursP90,
            Double resolveHoursMedian,
            Double resolveHoursP90,
            List<ReturnReason> returnReasons) {

        static final Spread NONE = new Spread(null, null, null, null, List.of());
    }

    /** A percentage with one decimal; null when there is nothing to divide by. */
    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
    }
}
