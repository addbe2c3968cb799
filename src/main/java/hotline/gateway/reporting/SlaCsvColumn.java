package hotline.gateway.reporting;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of the SLA report's CSV: its JSON field name, its Chinese and English header labels (a figure with a unit
 * names it: rates are percentages, 0 to 100 with one decimal, times are working hours) and how a row's value is read.
 * docs/reports.md defines every figure.
 */
record SlaCsvColumn(String key, String zh, String en, Function<SlaCsvColumn.Row, Object> value) {

    /** A row of the file: one group (or the total) of a report. */
    record Row(SlaReport report, SlaFigures figures) {}

    String label(ReportLanguage language) {
        return switch (language) {
            case KEYS -> key;
            case ZH -> zh;
            case EN -> en;
        };
    }

    /** Every column in file order: the figures as in the JSON answer, then the period every row belongs to. */
    static final List<SlaCsvColumn> ALL = List.of(
            figure("key", "编码", "code", SlaFigures::key),
            figure("name", "名称", "name", SlaFigures::name),
            figure("level", "层级", "level", SlaFigures::level),
            figure("district", "所属区", "district", SlaFigures::district),
            figure("received", "受理量", "received", SlaFigures::received),
            figure("dispatched", "派单量", "dispatched", SlaFigures::dispatched),
            figure("signedOnTime", "按时签收数", "signed on time", SlaFigures::signedOnTime),
            figure("signDecided", "应签收数", "sign-for targets decided", SlaFigures::signDecided),
            figure("signedOnTimeRate", "签收及时率(%)", "on-time sign rate (%)", SlaFigures::signedOnTimeRate),
            figure("contactedOnTime", "按时联系数", "contacted on time", SlaFigures::contactedOnTime),
            figure("contactDecided", "应联系数", "contact targets decided", SlaFigures::contactDecided),
            figure("contactedOnTimeRate", "联系及时率(%)", "on-time contact rate (%)", SlaFigures::contactedOnTimeRate),
            figure("resolvedOnTime", "按时办结数", "resolved on time", SlaFigures::resolvedOnTime),
            figure("resolveDecided", "应办结数", "resolution targets decided", SlaFigures::resolveDecided),
            figure("resolvedOnTimeRate", "办结及时率(%)", "on-time resolution rate (%)", SlaFigures::resolvedOnTimeRate),
            figure("reassignedOnTime", "按时改派数", "reassigned on time", SlaFigures::reassignedOnTime),
            figure("reassignDecided", "应改派数", "reassignment targets decided", SlaFigures::reassignDecided),
            figure(
                    "reassignedOnTimeRate",
                    "改派及时率(%)",
                    "on-time reassignment rate (%)",
                    SlaFigures::reassignedOnTimeRate),
            figure("openNow", "在办数", "open now", SlaFigures::openNow),
            figure("overdueNow", "超期数", "overdue now", SlaFigures::overdueNow),
            figure(
                    "signHoursMedian",
                    "签收用时中位数(工作小时)",
                    "sign-for time median (working hours)",
                    SlaFigures::signHoursMedian),
            figure("signHoursP90", "签收用时P90(工作小时)", "sign-for time p90 (working hours)", SlaFigures::signHoursP90),
            figure(
                    "resolveHoursMedian",
                    "办结用时中位数(工作小时)",
                    "resolution time median (working hours)",
                    SlaFigures::resolveHoursMedian),
            figure(
                    "resolveHoursP90",
                    "办结用时P90(工作小时)",
                    "resolution time p90 (working hours)",
                    SlaFigures::resolveHoursP90),
            figure("returns", "退单数", "returns", SlaFigures::returns),
            figure(
                    "returnReasons",
                    "退单原因(代码: 次数)",
                    "return reasons (code: count)",
                    figures -> reasons(figures.returnReasons())),
            figure("extensionsApproved", "延期批准数", "extensions approved", SlaFigures::extensionsApproved),
            figure("extensionsRejected", "延期驳回数", "extensions rejected", SlaFigures::extensionsRejected),
            figure("extensionDays", "延期天数(天)", "extension days granted (days)", SlaFigures::extensionDays),
            figure("escalations", "督办数", "escalations", SlaFigures::escalations),
            figure("responded", "响应数", "responded", SlaFigures::responded),
            figure("responseDecided", "应响应数", "responses decided", SlaFigures::responseDecided),
            figure("responseRate", "响应率(%)", "response rate (%)", SlaFigures::responseRate),
            figure("resolvedForGood", "解决数", "resolved for good", SlaFigures::resolvedForGood),
            figure("resolutionDecided", "应解决数", "resolutions decided", SlaFigures::resolutionDecided),
            figure("resolutionRate", "解决率(%)", "resolution rate (%)", SlaFigures::resolutionRate),
            figure("callbacks", "回访数", "callbacks", SlaFigures::callbacks),
            figure("satisfied", "满意数", "satisfied", SlaFigures::satisfied),
            figure("basicallySatisfied", "基本满意数", "basically satisfied", SlaFigures::basicallySatisfied),
            figure("dissatisfied", "不满意数", "dissatisfied", SlaFigures::dissatisfied),
            figure("satisfactionRate", "满意率(%)", "satisfaction rate (%)", SlaFigures::satisfactionRate),
            new SlaCsvColumn(
                    "from", "统计起始日", "period from", row -> row.report().from().toString()),
            new SlaCsvColumn(
                    "to", "统计截止日", "period to", row -> row.report().to().toString()));

    private static SlaCsvColumn figure(String key, String zh, String en, Function<SlaFigures, Object> value) {
        return new SlaCsvColumn(key, zh, en, row -> value.apply(row.figures()));
    }

    private static String reasons(List<ReturnReason> reasons) {
        return reasons.stream()
                .map(reason -> reason.code() + ": " + reason.count())
                .collect(Collectors.joining("; "));
    }
}
