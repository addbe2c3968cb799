package hotline.gateway.outreach;

import hotline.gateway.criteria.Criteria;
import hotline.gateway.outreach.rules.LabelDictionary;
import hotline.gateway.outreach.rules.LabelSubject;
import hotline.gateway.outreach.rules.SqlPredicate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of persons and households: rebuilt from the latest snapshots when a snapshot, the label files or the
 * day (ages, the criteria in force) changed since the last build, in one transaction; otherwise left as it is.
 */
public class Register {

    static final String BUILT_FROM = "register-built-from";

    private final RegisterRepository repository;
    private final LabelFiles labelFiles;
    private final Criteria criteria;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    public Register(
            RegisterRepository repository,
            LabelFiles labelFiles,
            Criteria criteria,
            TransactionTemplate transaction,
            Clock clock,
            ZoneId zone) {
        this.repository = repository;
        this.labelFiles = labelFiles;
        this.criteria = criteria;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a refresh did: whether it rebuilt, and the persons and households written. */
    public record Refresh(boolean rebuilt, int persons, int householdsWritten, LocalDate day) {}

    public Refresh refresh() {
        return refresh(new StepTimes());
    }

    /** As {@link #refresh()}, recording the time of each step of a rebuild. */
    public Refresh refresh(StepTimes steps) {
        LocalDate day = LocalDate.now(clock.withZone(zone));
        Map<String, BigDecimal> values = CriteriaValues.on(criteria, day);
        LabelDictionary dictionary = labelFiles.read();
        SqlPredicate persons = dictionary.labelArray(LabelSubject.PERSON, values);
        SqlPredicate households = dictionary.labelArray(LabelSubject.HOUSEHOLD, values);
        String builtFrom =
                hash(day + "\n" + String.join("\n", repository.latestSnapshots()) + "\n" + persons + "\n" + households);
        if (repository.state(BUILT_FROM).filter(builtFrom::equals).isPresent()) {
            return new Refresh(false, 0, 0, day);
        }
        int[] written = transaction.execute(status -> {
            repository.lockRebuild();
            if (repository.state(BUILT_FROM).filter(builtFrom::equals).isPresent()) {
                return null; // another instance rebuilt it while this one waited
            }
            int[] counts = repository.rebuild(day, clock.instant(), persons, households, steps);
            repository.setState(BUILT_FROM, builtFrom);
            return counts;
        });
        if (written == null) {
            return new Refresh(false, 0, 0, day);
        }
        return new Refresh(true, written[0], written[1], day);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
