package hotline.gateway.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a matching run stands, for its status endpoint and metrics: the phase, the candidates assessed of those
 * selected, the rate and the time left, the findings, the tickets opened, and what a dry run would open.
 */
public record MatchProgress(
        Long runId,
        boolean dryRun,
        String trigger,
        String phase,
        String status,
        Instant startedAt,
        Instant finishedAt,
        long candidates,
        long assessed,
        double ratePerSecond,
        Long secondsLeft,
        long findings,
        long deferred,
        long ticketsOpened,
        Map<String, Object> register,
        Map<String, Integer> wouldOpenPerOffice,
        List<Map<String, Object>> wouldOpen,
        String problem) {

    static MatchProgress idle() {
        return new MatchProgress(
                null, false, null, "IDLE", "IDLE", null, null, 0, 0, 0, null, 0, 0, 0, Map.of(), Map.of(), List.of(),
                null);
    }

    /** The same progress in another phase. */
    MatchProgress inPhase(String next) {
        return new MatchProgress(
                runId,
                dryRun,
                trigger,
                next,
                status,
                startedAt,
                finishedAt,
                candidates,
                assessed,
                ratePerSecond,
                secondsLeft,
                findings,
                deferred,
                ticketsOpened,
                register,
                wouldOpenPerOffice,
                wouldOpen,
                problem);
    }

    /** Opening tickets, with so many opened and so many findings still deferred. */
    MatchProgress opening(long stillDeferred, long opened) {
        return new MatchProgress(
                runId,
                false,
                trigger,
                "OPEN",
                "RUNNING",
                startedAt,
                null,
                candidates,
                assessed,
                ratePerSecond,
                0L,
                findings,
                stillDeferred,
                opened,
                register,
                Map.of(),
                List.of(),
                null);
    }

    static double rate(long done, Instant since, Instant now) {
        double seconds = Math.max(Duration.between(since, now).toMillis(), 1) / 1000.0;
        return Math.round(done / seconds * 10) / 10.0;
    }
}
