package hotline.gateway.reporting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SLA report as two statements per grouping, run at the same time: the assignments of the requests received in
 * the period (the cohort), judged target by target and counted per group and in total (GROUPING SETS); and what
 * needs sorting (percentiles, return reasons). The group expressions are fixed per {@link GroupBy}; every value is a
 * bind parameter. docs/reports.md defines the figures.
 */
final class SlaReportSql {

    /** The SLA targets an assignment may have; their columns share the prefix. */
    static final List<String> TARGETS = List.of("sign", "contact", "resolve", "reassign");

    /** Parameters of both statements, in order: period start, period end, district (or null), now, time zone id. */
    private static final String PERIOD = """
            WITH p AS (
                SELECT ?::timestamptz AS period_start, ?::timestamptz AS period_end, ?::text AS district,
                       ?::timestamptz AS now, ?::text AS zone
            )""";

    private static final String COHORT_ROWS = """
                FROM p
                JOIN ticket_assignment a ON a.received_at >= p.period_start AND a.received_at < p.period_end
                WHERE p.district IS NULL OR a.district_code = p.district""";

    /* The counts: one pass over the period's assignments, hash-aggregated per group and in total. */
    private static final String COUNTS = PERIOD + """
            , cohort AS (
                SELECT %s AS group_key, %s AS group_name, %s AS group_level, %s AS group_district,
                       a.seq, a.level, a.cause, a.end_cause, a.callback_result,
                       a.extensions_approved, a.extensions_rejected, a.extension_days,
                       %s
                       (a.sign_breached_at IS NOT NULL)::int + (a.contact_breached_at IS NOT NULL)::int
                           + (a.resolve_breached_at IS NOT NULL)::int + (a.reassign_breached_at IS NOT NULL)::int
                           AS breaches,
                       -- Response (响应): signed for, or returned with a reason, by the sign-for deadline.
                       a.sign_due_at IS NOT NULL AND (a.sign_met_at <= a.sign_due_at AND a.sign_breached_at IS NULL
                           OR a.end_cause = 'RETURNED' AND a.sign_met_at IS NULL AND a.ended_at <= a.sign_due_at)
                           AS responded,
                       a.sign_due_at IS NOT NULL AND (a.sign_met_at IS NOT NULL OR a.sign_breached_at IS NOT NULL
                           OR a.end_cause = 'RETURNED' OR a.sign_due_at < coalesce(a.ended_at, p.now))
                           AS response_decided,
                       -- Resolution (解决): resolved and not reopened by a dissatisfied callback; returns excluded.
                       a.resolve_met_at IS NOT NULL AND a.callback_result IS DISTINCT FROM 'DISSATISFIED'
                           AND a.end_cause IS DISTINCT FROM 'RETURNED' AS resolved_for_good,
                       a.resolve_due_at IS NOT NULL AND a.end_cause IS DISTINCT FROM 'RETURNED'
                           AND (a.resolve_met_at IS NOT NULL OR a.resolve_breached_at IS NOT NULL
                                OR a.resolve_due_at < coalesce(a.ended_at, p.now)) AS resolution_decided,
                       -- Open: the ticket's current assignment (not ended) and not resolved; a resolution
                       -- reopened by a callback ended its assignment, a close ends it too.
                       a.ended_at IS NULL AND a.resolve_met_at IS NULL AS open_now,
                       a.ended_at IS NULL AND a.resolve_met_at IS NULL AND (%s) AS overdue_now
            """ + COHORT_ROWS + """
            )
            SELECT GROUPING(group_key) = 1 AS is_total, group_key, max(group_name) AS group_name,
                   max(group_level) AS group_level, max(group_district) AS group_district,
                   count(*) FILTER (WHERE seq = 1) AS received,
                   count(*) FILTER (WHERE level = 'TOWN' AND cause IN ('INTAKE', 'REASSIGN')) AS dispatched,
                   %s
                   count(*) FILTER (WHERE open_now) AS open_now,
                   count(*) FILTER (WHERE overdue_now) AS overdue_now,
                   count(*) FILTER (WHERE end_cause = 'RETURNED') AS returns,
                   coalesce(sum(extensions_approved), 0) AS extensions_approved,
                   coalesce(sum(extensions_rejected), 0) AS extensions_rejected,
                   coalesce(sum(extension_days), 0) AS extension_days,
                   coalesce(sum(breaches), 0) AS escalations,
                   count(*) FILTER (WHERE responded) AS responded,
                   count(*) FILTER (WHERE response_decided) AS response_decided,
                   count(*) FILTER (WHERE resolved_for_good) AS resolved_for_good,
                   count(*) FILTER (WHERE resolution_decided) AS resolution_decided,
                   count(callback_result) AS callbacks,
                   count(*) FILTER (WHERE callback_result = 'SATISFIED') AS satisfied,
                   count(*) FILTER (WHERE callback_result = 'BASICALLY_SATISFIED') AS basically_satisfied,
                   count(*) FILTER (WHERE callback_result = 'DISSATISFIED') AS dissatisfied
            FROM cohort
            GROUP BY GROUPING SETS ((group_key), ())
            ORDER BY is_total, group_key
            """;

    /*
     * What needs sorting, apart from the counts so that both run at once: the median and 90th percentile (one sort
     * each) of the met targets' working minutes, and the returns per reason code (never the offices' free text, which
     * may name people).
     */
    private static final String SPREAD = PERIOD + """
            , cohort AS (
                SELECT %s AS group_key, a.end_cause, a.return_reason_code,
                       CASE WHEN a.sign_met_at IS NOT NULL THEN a.sign_working_minutes END AS sign_minutes,
                       CASE WHEN a.resolve_met_at IS NOT NULL THEN a.resolve_working_minutes END AS resolve_minutes
            """ + COHORT_ROWS + """
            ), spread AS (
                SELECT GROUPING(group_key) = 1 AS is_total, group_key,
                       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY sign_minutes) AS sign_minutes,
                       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolve_minutes) AS resolve_minutes
                FROM cohort
                GROUP BY GROUPING SETS ((group_key), ())
            ), reasons AS (
                SELECT GROUPING(group_key) = 1 AS is_total, group_key, return_reason_code, count(*) AS n
                FROM cohort
                WHERE end_cause = 'RETURNED'
                GROUP BY GROUPING SETS ((group_key, return_reason_code), (return_reason_code))
            ), reason_lists AS (
                SELECT is_total, group_key,
                       json_agg(json_build_object('code', return_reason_code, 'count', n)
                                ORDER BY n DESC, return_reason_code) AS return_reasons
                FROM reasons
                GROUP BY is_total, group_key
            )
            SELECT s.*, l.return_reasons
            FROM spread s
            LEFT JOIN reason_lists l ON l.is_total = s.is_total AND l.group_key IS NOT DISTINCT FROM s.group_key
            """;

    private static final Map<GroupBy, String> COUNT_STATEMENTS = new EnumMap<>(GroupBy.class);
    private static final Map<GroupBy, String> SPREAD_STATEMENTS = new EnumMap<>(GroupBy.class);

    static {
        for (GroupBy groupBy : GroupBy.values()) {
            COUNT_STATEMENTS.put(groupBy, counts(groupBy));
            SPREAD_STATEMENTS.put(groupBy, String.format(SPREAD, groupBy.keySql()));
        }
    }

    private SlaReportSql() {}

    /** The counts per group, then the total row. */
    static String countStatement(GroupBy groupBy) {
        return COUNT_STATEMENTS.get(groupBy);
    }

    /** The percentiles and return reasons per group and in total (is_total), in no particular order. */
    static String spreadStatement(GroupBy groupBy) {
        return SPREAD_STATEMENTS.get(groupBy);
    }

    private static String counts(GroupBy groupBy) {
        String judged =
                TARGETS.stream().map(target -> String.format("""
                a.%1$s_met_at <= a.%1$s_due_at AND a.%1$s_breached_at IS NULL AS %1$s_on_time,
                a.%1$s_due_at IS NOT NULL AND (a.%1$s_met_at IS NOT NULL OR a.%1$s_breached_at IS NOT NULL
                    OR a.%1$s_due_at < coalesce(a.ended_at, p.now)) AS %1$s_decided,
                """, target)).collect(Collectors.joining());
        String overdue = TARGETS.stream()
                .map(target -> String.format(
                        "a.%1$s_met_at IS NULL AND (a.%1$s_breached_at IS NOT NULL OR a.%1$s_due_at < p.now)", target))
                .collect(Collectors.joining(" OR "));
        String counted =
                TARGETS.stream().map(target -> String.format("""
                count(*) FILTER (WHERE %1$s_on_time) AS %1$s_on_time,
                count(*) FILTER (WHERE %1$s_decided) AS %1$s_decided,
                """, target)).collect(Collectors.joining());
        return String.format(
                COUNTS,
                groupBy.keySql(),
                groupBy.nameSql(),
                groupBy.levelSql(),
                groupBy.districtSql(),
                judged,
                overdue,
                counted);
    }
}
