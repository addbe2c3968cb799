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
        String key, String name, String level, String district,
        long received, long dispatched,
        long signedOnTime, long signDecided, Double signedOnTimeRate,
        long contactedOnTime, long contactDecided, Double contactedOnTimeRate,
        long resolvedOnTime, long resolveDecided, Double resolvedOnTimeRate,
        long reassignedOnTime, long reassignDecided, Double reassignedOnTimeRate,
        long openNow, long overdueNow,
        Double signHoursMedian, Double signHoursP90, Double resolveHoursMedian, Double resolveHoursP90,
        long returns, List<ReturnReason> returnReasons,
        long extensionsApproved, long extensionsRejected, long extensionDays,
        long escalations,
        long responded, long responseDecided, Double responseRate,
        long resolvedForGood, long resolutionDecided, Double resolutionRate,
        long callbacks, long satisfied, long basicallySatisfied, long dissatisfied, Double satisfactionRate) {

    /** A percentage with one decimal; null when there is nothing to divide by. */
    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
    }
}
