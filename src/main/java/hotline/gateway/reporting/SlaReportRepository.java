package hotline.gateway.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes SLA reports in the database: the counts and what needs sorting (percentiles, return reasons) as two
 * statements on two connections at once, so that a city-wide month takes the time of the longer one.
 */
public class SlaReportRepository implements AutoCloseable {

    private static final TypeReference<List<ReturnReason>> REASONS = new TypeReference<>() {};
    /* The total row's key; group keys are office codes, district codes, need codes or days. */
    private static final String TOTAL = "total";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final DistrictNames districts;
    /* Runs a report's second statement beside its first: a few threads, each holding a connection while it runs. */
    private final ExecutorService executor;

    public SlaReportRepository(JdbcTemplate jdbc, ObjectMapper json, Clock clock, DistrictNames districts) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.districts = districts;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "report-statement-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    public SlaReport report(SlaReportRequest request) {
        Instant now = clock.instant();
        ReportPeriod period = request.period();
        Object[] parameters = {
            Timestamp.from(period.start()),
            Timestamp.from(period.end()),
            request.district(),
            Timestamp.from(now),
            period.zone().getId()
        };
        CompletableFuture<Map<String, SlaFigures.Spread>> spreads =
                CompletableFuture.supplyAsync(() -> spreads(request.groupBy(), parameters), executor);
        List<SlaFigures> counts = jdbc.query(
                SlaReportSql.countStatement(request.groupBy()),
                (rs, row) -> figures(rs, request.groupBy()),
                parameters);
        Map<String, SlaFigures.Spread> spreadByKey = joined(spreads);
        List<SlaFigures> rows = counts.stream()
                .map(figures -> figures.withSpread(spreadByKey.getOrDefault(figures.key(), SlaFigures.Spread.NONE)))
                .toList();
        List<SlaFigures> groups = new ArrayList<>(rows.subList(0, rows.size() - 1));
        SlaFigures total = rows.get(rows.size() - 1);
        return new SlaReport(
                period.from(),
                period.to(),
                period.zone().getId(),
                request.groupBy().parameterValue(),
                request.district(),
                now,
                groups,
                total,
                request.format(),
                request.language());
    }

    /* The other statement's own failure, not its wrapper: a database outage is answered 503, as everywhere. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Map<String, SlaFigures.Spread> spreads(GroupBy groupBy, Object[] parameters) {
        Map<String, SlaFigures.Spread> byKey = new HashMap<>();
        jdbc.query(
                SlaReportSql.spreadStatement(groupBy),
                rs -> {
                    Double[] signMinutes = minutes(rs.getArray("sign_minutes"));
                    Double[] resolveMinutes = minutes(rs.getArray("resolve_minutes"));
                    byKey.put(
                            rs.getBoolean("is_total") ? TOTAL : rs.getString("group_key"),
                            new SlaFigures.Spread(
                                    hours(signMinutes, 0),
                                    hours(signMinutes, 1),
                                    hours(resolveMinutes, 0),
                                    hours(resolveMinutes, 1),
                                    reasons(rs.getString("return_reasons"))));
                },
                parameters);
        return byKey;
    }

    /** The counts of a group or the total; the percentiles and reasons are added from the other statement. */
    private SlaFigures figures(ResultSet rs, GroupBy groupBy) throws SQLException {
        boolean total = rs.getBoolean("is_total");
        String key = total ? TOTAL : rs.getString("group_key");
        String name = total
                ? "合计"
                : switch (groupBy) {
                    case TOWN -> rs.getString("group_name");
                    case DISTRICT -> districts.name(key);
                    case NEED, DAY -> key;
                };
        long[] onTime = new long[SlaReportSql.TARGETS.size()];
        long[] decided = new long[onTime.length];
        for (int i = 0; i < onTime.length; i++) {
            onTime[i] = rs.getLong(SlaReportSql.TARGETS.get(i) + "_on_time");
            decided[i] = rs.getLong(SlaReportSql.TARGETS.get(i) + "_decided");
        }
        long responded = rs.getLong("responded");
        long responseDecided = rs.getLong("response_decided");
        long resolvedForGood = rs.getLong("resolved_for_good");
        long resolutionDecided = rs.getLong("resolution_decided");
        long callbacks = rs.getLong("callbacks");
        long satisfied = rs.getLong("satisfied");
        long basicallySatisfied = rs.getLong("basically_satisfied");
        return new SlaFigures(
                key,
                name,
                total ? null : rs.getString("group_level"),
                total ? null : rs.getString("group_district"),
                rs.getLong("received"),
                rs.getLong("dispatched"),
                onTime[0],
                decided[0],
                SlaFigures.rate(onTime[0], decided[0]),
                onTime[1],
                decided[1],
                SlaFigures.rate(onTime[1], decided[1]),
                onTime[2],
                decided[2],
                SlaFigures.rate(onTime[2], decided[2]),
                onTime[3],
                decided[3],
                SlaFigures.rate(onTime[3], decided[3]),
                rs.getLong("open_now"),
                rs.getLong("overdue_now"),
                null,
                null,
                null,
                null,
                rs.getLong("returns"),
                List.of(),
                rs.getLong("extensions_approved"),
                rs.getLong("extensions_rejected"),
                rs.getLong("extension_days"),
                rs.getLong("escalations"),
                responded,
                responseDecided,
                SlaFigures.rate(responded, responseDecided),
                resolvedForGood,
                resolutionDecided,
                SlaFigures.rate(resolvedForGood, resolutionDecided),
                callbacks,
                satisfied,
                basicallySatisfied,
                rs.getLong("dissatisfied"),
                SlaFigures.rate(satisfied + basicallySatisfied, callbacks));
    }

    /** The median and 90th percentile in working minutes; null when no target was met. */
    private static Double[] minutes(Array percentiles) throws SQLException {
        if (percentiles == null) {
            return null;
        }
        try {
            return (Double[]) percentiles.getArray();
        } finally {
            percentiles.free();
        }
    }

    /** Working minutes as working hours with two decimals. */
    private static Double hours(Double[] minutes, int index) {
        return minutes == null ? null : Math.round(minutes[index] / 60.0 * 100.0) / 100.0;
    }

    private List<ReturnReason> reasons(String reasons) {
        if (reasons == null) {
            return List.of();
        }
        try {
            return json.readValue(reasons, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("return reasons are not readable", e);
        }
    }
}
