package hotline.gateway.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.privacy.ResidentIdNumber;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-keys the register when the pseudonym secret changes. The register keeps no resident ID numbers, so the numbers
 * come from a file the operator supplies (the population feed's file serves as it is: its id_number and household_no
 * columns); one streaming pass computes each person's and household's pseudonym under the previous and the new key,
 * and set-based SQL replaces them in every table, in one transaction: facts, persons, households, findings and the
 * links between them survive, and a failure leaves the register as it was, under the previous key.
 *
 * <p>Refused, with nothing changed: no previous key; a previous key whose fingerprint is not the register's (a wrong
 * key would turn every pseudonym into noise); a file that leaves pseudonyms of the register unnamed (unless the
 * operator asks to drop their facts). A repeated request after success answers UNCHANGED.
 */
public class Rekeying {

    private static final Logger log = LoggerFactory.getLogger(Rekeying.class);
    static final String PREVIOUS = "OUTREACH_PSEUDONYM_KEY_PREVIOUS";

    private final RekeyRepository repository;
    private final PseudonymKeyCheck keyCheck;
    private final Pseudonyms current;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    public Rekeying(
            RekeyRepository repository,
            PseudonymKeyCheck keyCheck,
            Pseudonyms current,
            TransactionTemplate transaction,
            ObjectMapper json,
            Clock clock) {
        this.repository = repository;
        this.keyCheck = keyCheck;
        this.current = current;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param previous     the key the register was made with; null when OUTREACH_PSEUDONYM_KEY_PREVIOUS is not set
     * @param dropUnmapped delete the facts of persons the file does not name, instead of refusing
     */
    public RekeyResult rekey(Pseudonyms previous, List<FeedSource> files, boolean dropUnmapped, String by) {
        if (previous == null) {
            throw conflict(PREVIOUS, "is not set: the key the register's pseudonyms were made with is needed");
        }
        String oldFingerprint = previous.fingerprint();
        String newFingerprint = current.fingerprint();
        if (oldFingerprint.equals(newFingerprint)) {
            throw conflict(PREVIOUS, "is the same key as OUTREACH_PSEUDONYM_KEY: nothing to re-key");
        }
        String registers = keyCheck.registerFingerprint();
        if (registers.equals(newFingerprint)) {
            return RekeyResult.unchanged(newFingerprint);
        }
        if (!registers.equals(oldFingerprint)) {
            throw conflict(
                    PREVIOUS,
                    "is not the key the register's pseudonyms were made with (fingerprint " + oldFingerprint
                            + ", the register's " + registers + "): nothing was changed");
        }
        RekeyResult result = transaction.execute(status -> {
            long id = repository.startRekey(by, clock.instant(), oldFingerprint, newFingerprint);
            List<FeedLoadResult.RowError> errors = new ArrayList<>();
            long[] rows = {0, 0};
            repository.stagePairs(sink -> {
                Pseudonyms before = previous.copy();
                Pseudonyms after = current.copy();
                for (FeedSource file : files) {
                    pairs(file, files.size() > 1, before, after, sink, rows, errors);
                }
            });
            RekeyRepository.Coverage coverage = repository.coverage();
            if (coverage.persons() > 0 && coverage.mappedPersons() == 0) {
                throw conflict(
                        "(body)",
                        "names none of the register's " + coverage.persons() + " persons under the previous key:"
                                + " a file of other persons, or not the previous key; nothing was changed");
            }
            long dropped = 0;
            if (coverage.unmappedPersons() > 0 || coverage.unmappedHouseholds() > 0) {
                if (!dropUnmapped) {
                    throw conflict(
                            "(body)",
                            "does not name " + coverage.unmappedPersons() + " persons and "
                                    + coverage.unmappedHouseholds() + " households of the register: supply their"
                                    + " id_number and household_no (every feed's latest file), or re-key with"
                                    + " dropUnmapped=true to delete their facts; nothing was changed");
                }
                dropped = repository.dropUnmapped(clock.instant());
            }
            Map<String, Long> changed = new LinkedHashMap<>(repository.replace(id));
            RekeyResult done = new RekeyResult(
                    "REKEYED", rows[0], rows[1], List.copyOf(errors), changed, dropped, oldFingerprint, newFingerprint);
            repository.finishRekey(id, write(done), newFingerprint);
            return done;
        });
        log.info(
                "Register re-keyed by {} (key {} -> {}): {} rows read, {} rejected, changed {}, {} facts dropped",
                by,
                oldFingerprint,
                newFingerprint,
                result.rows(),
                result.rejected(),
                result.changed(),
                result.droppedFacts());
        return result;
    }

    /** The one streaming pass over the file: each good row's person (and household) under both keys. */
    private static void pairs(
            FeedSource numbers,
            boolean nameTheFile,
            Pseudonyms previous,
            Pseudonyms next,
            RekeyRepository.PairSink sink,
            long[] rows,
            List<FeedLoadResult.RowError> errors) {
        try (Reader reader = new InputStreamReader(numbers.open(), FeedLoader.charset(numbers))) {
            FeedRows feedRows = new FeedRows(numbers.format(), reader);
            while (feedRows.hasNext()) {
                FeedRow row = feedRows.next();
                rows[0]++;
                List<FieldError> problems = new ArrayList<>();
                if (row.unreadable() != null) {
                    problems.add(new FieldError("(row)", row.unreadable()));
                } else {
                    String id = row.values().get("id_number");
                    String problem = id == null ? "is required" : ResidentIdNumber.problem(id);
                    if (problem != null) {
                        problems.add(new FieldError(
                                "id_number", id == null ? problem : "is not a valid resident ID number: " + problem));
                    } else {
                        sink.pair(previous.person(id), next.person(id));
                    }
                    String household = row.values().get("household_no");
                    if (household != null && !household.isBlank()) {
                        sink.pair(previous.household(household.strip()), next.household(household.strip()));
                    }
                }
                if (!problems.isEmpty()) {
                    rows[1]++;
                    if (nameTheFile) {
                        problems.replaceAll(p -> new FieldError(p.field(), p.message() + " (" + numbers.name() + ")"));
                    }
                    if (errors.size() < FeedLoadResult.MAX_LISTED_ERRORS) {
                        errors.add(new FeedLoadResult.RowError(row.line(), problems));
                    }
                }
            }
        } catch (FeedFileException e) {
            throw new HttpProblemException(400, "Invalid request", "(body)", numbers.name() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(RekeyResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpProblemException conflict(String field, String detail) {
        return new HttpProblemException(409, "Conflict", field, detail);
    }
}
