package hotline.gateway.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.Criteria;
import hotline.gateway.criteria.HouseholdFacts;
import hotline.gateway.intake.IntakeRepository;
import hotline.gateway.intake.NewTicket;
import hotline.gateway.outreach.rules.Expr;
import hotline.gateway.outreach.rules.LabelDefinition;
import hotline.gateway.outreach.rules.LabelDictionary;
import hotline.gateway.outreach.rules.MatchDecision;
import hotline.gateway.outreach.rules.MatchRules;
import hotline.gateway.outreach.rules.RiskCombination;
import hotline.gateway.validation.HttpProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matching job, scheduled and on demand: takes visit outcomes and the households of calls into the register,
 * rebuilds the register when its sources changed, selects the candidates in SQL, streams them through the existing
 * assessor (the same rules, effective-dated values and reasons as intake), records the findings, and opens visit
 * tickets within each office's daily cap, highest risk first. A run repeated with nothing changed selects no
 * candidate and opens nothing; a dry run writes nothing and lists what would be opened. One run at a time.
 */
public class MatchingJob {

    private static final Logger log = LoggerFactory.getLogger(MatchingJob.class);
    private static final int TICKET_CHUNK = 500;
    private static final int LISTED = 200;

    /**
     * The order in which an office's findings take its daily cap: highest risk first, then by finding id (ASCII,
     * so {@link String#compareTo} and {@code COLLATE "C"} in {@link MatchingRepository#deferred} sort them alike).
     */
    static final Comparator<MatchingRepository.NewFinding> BY_RISK = Comparator.comparingInt(
                    MatchingRepository.NewFinding::risk)
            .reversed()
            .thenComparing(MatchingRepository.NewFinding::findingId);

    private final Register register;
    private final MatchingRepository repository;
    private final LabelFiles labelFiles;
    private final Criteria criteria;
    private final Assessor assessor;
    private final VisitTickets visitTickets;
    private final IntakeRepository tickets;
    private final TransactionTemplate transaction;
    private final MatchingSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter findingsCounter;
    private final Counter ticketsCounter;
    private volatile MatchProgress progress = MatchProgress.idle();
    private volatile CallHouseholds callHouseholds;
    private volatile StepTimes lastSteps = new StepTimes();
    private volatile int ticketChunk = TICKET_CHUNK;

    public MatchingJob(
            Register register,
            MatchingRepository repository,
            LabelFiles labelFiles,
            Criteria criteria,
            Assessor assessor,
            VisitTickets visitTickets,
            IntakeRepository tickets,
            TransactionTemplate transaction,
            MatchingSettings settings,
            ObjectMapper json,
            Clock clock,
            ZoneId zone,
            MeterRegistry metrics) {
        this.register = register;
        this.repository = repository;
        this.labelFiles = labelFiles;
        this.criteria = criteria;
        this.assessor = assessor;
        this.visitTickets = visitTickets;
        this.tickets = tickets;
        this.transaction = transaction;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        Gauge.builder("hotline.outreach.match.candidates", () -> progress.candidates())
                .description("Candidates selected by the current or last matching run")
                .register(metrics);
        Gauge.builder("hotline.outreach.match.assessed", () -> progress.assessed())
                .description("Candidates assessed so far by the current or last matching run")
                .register(metrics);
        Gauge.builder("hotline.outreach.match.rate", () -> progress.ratePerSecond())
                .description("Candidates assessed per second")
                .register(metrics);
        Gauge.builder("hotline.outreach.match.seconds.left", () -> {
                    Long left = progress.secondsLeft();
                    return left == null ? 0 : left;
                })
                .description("Estimated seconds until the current run has assessed its candidates")
                .register(metrics);
        Gauge.builder("hotline.outreach.match.running", () -> running.get() ? 1 : 0)
                .register(metrics);
        this.findingsCounter = Counter.builder("hotline.outreach.findings")
                .description("Findings recorded by matching runs")
                .register(metrics);
        this.ticketsCounter = Counter.builder("hotline.outreach.tickets.opened")
                .description("Visit tickets opened by matching runs")
                .register(metrics);
    }

    /** Tickets written per transaction: smaller for tests that open a few tickets on several connections. */
    void ticketChunk(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a chunk holds at least one ticket: " + size);
        }
        this.ticketChunk = size;
    }

    /** Households of calls are merged into the feed households that name them, after each register build. */
    public void mergeCallHouseholdsWith(CallHouseholds merges) {
        this.callHouseholds = merges;
    }

    public MatchProgress status() {
        return progress;
    }

    /** The time each step of the current or last run took. */
    public StepTimes steps() {
        return lastSteps;
    }

    /** The scheduled run (routes/outreach.yaml); skipped while another runs. */
    public void scheduled() {
        if (running.get()) {
            return;
        }
        try {
            run(false, "schedule");
        } catch (HttpProblemException e) {
            log.info("Scheduled matching skipped: {}", e.getMessage());
        }
    }

    /** An on-demand run; 409 while another runs. */
    public MatchProgress run(boolean dryRun, String trigger) {
        if (!running.compareAndSet(false, true)) {
            throw new HttpProblemException(409, "Conflict", "(run)", "a matching run is already under way");
        }
        Instant started = clock.instant();
        StepTimes steps = new StepTimes();
        lastSteps = steps;
        long runId = repository.startRun(dryRun, trigger, started);
        try {
            progress = progress(
                    runId, dryRun, trigger, "SYNC", "RUNNING", started, null, 0, 0, 0, 0, 0, Map.of(), Map.of(),
                    List.of(), null);
            int outcomes = 0;
            int calls = 0;
            if (!dryRun) {
                outcomes = steps.time("sync-outcomes", repository::syncOutcomes);
                calls = steps.time("sync-calls", () -> repository.syncCalls(clock.instant()));
            }
            progress = progress.inPhase("REGISTER");
            Register.Refresh refresh = steps.time("register", () -> register.refresh(steps));
            CallHouseholds.Merged merged = dryRun || callHouseholds == null
                    ? new CallHouseholds.Merged(0, 0)
                    : steps.time("merge-call-households", callHouseholds::merge);
            Map<String, Object> registerFigures = new LinkedHashMap<>();
            registerFigures.put("rebuilt", refresh.rebuilt());
            registerFigures.put("persons", refresh.persons());
            registerFigures.put("householdsChanged", refresh.householdsWritten());
            registerFigures.put("outcomesTaken", outcomes);
            registerFigures.put("householdsFromCalls", calls);
            registerFigures.put("callsMergedByResidentId", merged.byResidentId());
            registerFigures.put("callsMergedByAddress", merged.byAddress());
            MatchProgress result = match(runId, dryRun, trigger, started, refresh.day(), registerFigures, steps);
            repository.finishRun(runId, "DONE", write(result), clock.instant());
            progress = result;
            log.info(
                    "Matching run {} ({}{}): {} candidates, {} findings, {} tickets opened, {} deferred",
                    runId,
                    trigger,
                    dryRun ? ", dry run" : "",
                    result.candidates(),
                    result.findings(),
                    result.ticketsOpened(),
                    result.deferred());
            log.info("Matching run {} steps: {}", runId, steps);
            return result;
        } catch (RuntimeException e) {
            MatchProgress failed = progress(
                    runId,
                    dryRun,
                    trigger,
                    progress.phase(),
                    "FAILED",
                    started,
                    clock.instant(),
                    progress.candidates(),
                    progress.assessed(),
                    progress.findings(),
                    0,
                    progress.ticketsOpened(),
                    progress.register(),
                    Map.of(),
                    List.of(),
                    e.getMessage());
            progress = failed;
            repository.finishRun(runId, "FAILED", write(failed), clock.instant());
            throw e;
        } finally {
            running.set(false);
        }
    }

    private MatchProgress match(
            long runId,
            boolean dryRun,
            String trigger,
            Instant started,
            LocalDate day,
            Map<String, Object> registerFigures,
            StepTimes steps) {
        progress = progress(
                runId,
                dryRun,
                trigger,
                "MATCH",
                "RUNNING",
                started,
                null,
                0,
                0,
                0,
                0,
                0,
                registerFigures,
                Map.of(),
                List.of(),
                null);
        LabelDictionary dictionary = labelFiles.read();
        Map<String, BigDecimal> values = CriteriaValues.on(criteria, day);
        Map<String, Integer> labelRisk = new LinkedHashMap<>();
        for (LabelDefinition label : dictionary.labels()) {
            labelRisk.merge(label.code(), label.risk(), Math::max);
        }
        MatchRules rules = new MatchRules(settings.programs(), dictionary.combinations(), labelRisk);
        BigDecimal widest =
                values.values().stream().max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        List<String> riskLabels = riskLabels(dictionary.combinations());
        Instant visitedBefore = clock.instant().minus(settings.visitedWithin());
        long total =
                steps.time("count-candidates", () -> repository.countCandidates(visitedBefore, widest, riskLabels));
        Instant matchStart = clock.instant();
        List<MatchingRepository.NewFinding> found = new ArrayList<>();
        long[] findings = {0};
        long[] assessed = {0};
        Set<NeedCode> allNeeds = EnumSet.allOf(NeedCode.class);
        // A real run records its findings while the candidates are still assessed; a dry run only lists them.
        FindingWriter writer = dryRun
                ? null
                : new FindingWriter(
                        repository, transaction, runId, matchStart, steps, () -> repository.markMatched(visitedBefore));
        try {
            steps.time(
                    "assess",
                    () -> transaction.executeWithoutResult(status ->
                            repository.candidates(visitedBefore, widest, riskLabels, candidate -> {
                                Assessment assessment = assessor.assess(allNeeds, facts(candidate), day);
                                MatchDecision decision = rules.decide(
                                        assessment,
                                        candidate.receives(),
                                        candidate.labels(),
                                        candidate.incomeIsLowerBound());
                                if (decision.isFinding()) {
                                    MatchingRepository.NewFinding finding =
                                            finding(candidate, decision, assessment, dictionary);
                                    findings[0]++;
                                    if (writer == null) {
                                        found.add(finding); // a dry run lists what it found
                                    } else {
                                        writer.add(finding);
                                    }
                                }
                                assessed[0]++;
                                if (assessed[0] % 1000 == 0) {
                                    progress = progressOfMatch(
                                            runId,
                                            dryRun,
                                            trigger,
                                            started,
                                            total,
                                            assessed[0],
                                            findings[0],
                                            matchStart,
                                            registerFigures);
                                }
                            })));
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.abandon();
            }
            throw e;
        }
        progress = progressOfMatch(
                runId, dryRun, trigger, started, total, assessed[0], findings[0], matchStart, registerFigures);
        if (dryRun) {
            return dryRunResult(runId, trigger, started, total, assessed[0], found, registerFigures);
        }
        // What is left of the findings written, and the households marked judged, in the writer's transaction.
        int inserted = steps.time("findings", writer::finish);
        findingsCounter.increment(inserted);
        progress = progress.inPhase("OPEN");
        long opened = steps.time("open", () -> open(steps));
        ticketsCounter.increment(opened);
        return progress(
                runId,
                false,
                trigger,
                "DONE",
                "DONE",
                started,
                clock.instant(),
                total,
                assessed[0],
                inserted,
                repository.countDeferred(),
                opened,
                registerFigures,
                Map.of(),
                List.of(),
                null);
    }

    /**
     * Opens the deferred findings each office's cap allows today, in chunks of one transaction each, written on
     * {@link MatchingSettings#ticketConnections()} connections side by side (a ticket's rows are the server's work).
     */
    private long open(StepTimes steps) {
        Instant startOfDay =
                LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        List<Long> due = steps.time("open.select", () -> repository.dueToday(settings.dailyCap(), startOfDay));
        // Numbered in the order the cap takes them, before the chunks are shared out, so that which visit gets which
        // number does not depend on which connection writes it first.
        List<String> numbers = steps.time("open.number", () -> {
            List<String> taken = new ArrayList<>(due.size());
            for (int i = 0; i < due.size(); i++) {
                taken.add(visitTickets.number());
            }
            return taken;
        });
        int size = ticketChunk;
        int chunks = (due.size() + size - 1) / size;
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicLong opened = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        int workers = Math.max(1, Math.min(settings.ticketConnections(), chunks));
        SideBySide.run(workers, "visit-tickets", worker -> {
            for (int chunk = nextChunk.getAndIncrement(); chunk < chunks && !failed.get(); ) {
                int from = chunk * size;
                int to = Math.min(due.size(), from + size);
                try {
                    long total = opened.addAndGet(openChunk(due.subList(from, to), numbers.subList(from, to), steps));
                    recordOpened(due.size(), total);
                } catch (RuntimeException e) {
                    failed.set(true); // the other workers stop after their current chunk
                    throw e;
                }
                chunk = nextChunk.getAndIncrement();
            }
        });
        return opened.get();
    }

    /**
     * One chunk's findings read in full, their tickets made and written, and the findings marked opened, in one
     * transaction. A finding another instance has opened meanwhile is left out (its number stays unused).
     */
    private int openChunk(List<Long> ids, List<String> numbers, StepTimes steps) {
        Map<Long, String> numberOf = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            numberOf.put(ids.get(i), numbers.get(i));
        }
        Instant now = clock.instant();
        Integer count = transaction.execute(status -> {
            List<MatchingRepository.Deferred> chunk = steps.time("open.read", () -> repository.deferred(ids));
            List<NewTicket> made = new ArrayList<>(chunk.size());
            steps.time("open.make-tickets", () -> {
                for (MatchingRepository.Deferred finding : chunk) {
                    made.add(visitTickets.ticket(finding, numberOf.get(finding.id()), now));
                }
            });
            steps.time("open.insert-tickets", () -> tickets.insertAll(made));
            steps.time(
                    "open.mark-opened",
                    () -> repository.markOpened(
                            chunk.stream().map(MatchingRepository.Deferred::id).toList(), now));
            return chunk.size();
        });
        return count == null ? 0 : count;
    }

    /** The progress of opening, as chunks finish on their connections (in any order). */
    private synchronized void recordOpened(long due, long opened) {
        if (opened > progress.ticketsOpened()) {
            progress = progress.opening(due - opened, opened);
        }
    }

    private MatchProgress dryRunResult(
            long runId,
            String trigger,
            Instant started,
            long total,
            long assessed,
            List<MatchingRepository.NewFinding> found,
            Map<String, Object> registerFigures) {
        List<MatchingRepository.NewFinding> byRisk = new ArrayList<>(found);
        byRisk.sort(BY_RISK);
        Map<String, Integer> perOffice = new TreeMap<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (MatchingRepository.NewFinding finding : byRisk) {
            int count = perOffice.getOrDefault(finding.townCode(), 0);
            if (settings.dailyCap() >= 0 && count >= settings.dailyCap()) {
                continue;
            }
            perOffice.put(finding.townCode(), count + 1);
            if (listed.size() < LISTED) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("findingId", finding.findingId());
                item.put("office", finding.townCode());
                item.put("risk", finding.risk());
                item.put("labels", finding.labels());
                item.put("explanation", read(finding.explanation()));
                listed.add(item);
            }
        }
        return progress(
                runId,
                true,
                trigger,
                "DONE",
                "DONE",
                started,
                clock.instant(),
                total,
                assessed,
                found.size(),
                0,
                0,
                registerFigures,
                perOffice,
                listed,
                null);
    }

    private MatchingRepository.NewFinding finding(
            Candidate candidate, MatchDecision decision, Assessment assessment, LabelDictionary dictionary) {
        List<Explanation.LabelView> labels = new ArrayList<>();
        for (String code : candidate.labels()) {
            LabelDefinition label = dictionary.label(code);
            labels.add(
                    label == null
                            ? new Explanation.LabelView(code, code, code)
                            : new Explanation.LabelView(code, label.nameZh(), label.nameEn()));
        }
        Explanation explanation =
                new Explanation(labels, decision.programs(), decision.combinations(), decision.risk(), assessment);
        return new MatchingRepository.NewFinding(
                FindingRecord.idOf(candidate.key(), candidate.factsHash()),
                candidate.key(),
                candidate.factsHash(),
                decision.risk(),
                candidate.townCode(),
                List.copyOf(candidate.labels()),
                write(decision.programs()),
                write(decision.combinations()),
                write(explanation));
    }

    /** The candidate as the criteria's household facts: what the feeds say; the rest unknown. */
    static HouseholdFacts facts(Candidate candidate) {
        List<HouseholdFacts.Member> members = new ArrayList<>();
        for (Candidate.Member m : candidate.members()) {
            members.add(new HouseholdFacts.Member(
                    m.age(), m.disabilityGrade(), m.chronicIllness(), null, m.unemployed(), m.student()));
        }
        BigDecimal medical =
                candidate.medicalCosts() == null || candidate.medicalCosts().signum() == 0
                        ? null
                        : candidate.medicalCosts();
        return new HouseholdFacts(candidate.size(), candidate.income(), medical, null, null, members);
    }

    private static List<String> riskLabels(List<RiskCombination> combinations) {
        Set<String> labels = new LinkedHashSet<>();
        for (RiskCombination combination : combinations) {
            collect(combination.expr(), labels, false);
        }
        return List.copyOf(labels);
    }

    /** The codes a combination needs present (not those under a NOT): a household without any of them cannot meet it. */
    private static void collect(Expr expr, Set<String> labels, boolean negated) {
        if (expr instanceof Expr.Or or) {
            collect(or.left(), labels, negated);
            collect(or.right(), labels, negated);
        } else if (expr instanceof Expr.And and) {
            collect(and.left(), labels, negated);
            collect(and.right(), labels, negated);
        } else if (expr instanceof Expr.Not not) {
            collect(not.operand(), labels, !negated);
        } else if (expr instanceof Expr.Name name && !negated) {
            labels.add(name.name());
        }
    }

    private MatchProgress progressOfMatch(
            long runId,
            boolean dryRun,
            String trigger,
            Instant started,
            long total,
            long assessed,
            long findings,
            Instant matchStart,
            Map<String, Object> registerFigures) {
        Instant now = clock.instant();
        double rate = MatchProgress.rate(assessed, matchStart, now);
        Long left = rate > 0 ? Math.round((total - assessed) / rate) : null;
        return new MatchProgress(
                runId,
                dryRun,
                trigger,
                "MATCH",
                "RUNNING",
                started,
                null,
                total,
                assessed,
                rate,
                left,
                findings,
                0,
                0,
                registerFigures,
                Map.of(),
                List.of(),
                null);
    }

    private static MatchProgress progress(
            long runId,
            boolean dryRun,
            String trigger,
            String phase,
            String status,
            Instant started,
            Instant finished,
            long candidates,
            long assessed,
            long findings,
            long deferred,
            long opened,
            Map<String, Object> register,
            Map<String, Integer> perOffice,
            List<Map<String, Object>> wouldOpen,
            String problem) {
        double rate = finished == null ? 0 : MatchProgress.rate(assessed, started, finished);
        return new MatchProgress(
                runId,
                dryRun,
                trigger,
                phase,
                status,
                started,
                finished,
                candidates,
                assessed,
                rate,
                finished == null ? null : 0L,
                findings,
                deferred,
                opened,
                register,
                perOffice,
                wouldOpen,
                problem);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write outreach JSON", e);
        }
    }

    private Object read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
