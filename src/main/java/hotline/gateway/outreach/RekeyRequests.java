package hotline.gateway.outreach;

import hotline.gateway.intake.BatchFile;
import hotline.gateway.security.Caller;
import hotline.gateway.validation.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The re-key's HTTP face (operators only): POST /api/v1/outreach/rekey with the resident ID numbers and household
 * numbers as a CSV or JSON Lines body, or {@code files=} naming feed files already under the feeds folder (a
 * register too large for one request body: every feed's latest file in done/). The previous key comes from
 * OUTREACH_PSEUDONYM_KEY_PREVIOUS, never from a request.
 */
public class RekeyRequests {

    private final Rekeying rekeying;
    private final Pseudonyms previous;
    private final Path feedsDir;

    /** @param previous the previous key's pseudonyms; null when OUTREACH_PSEUDONYM_KEY_PREVIOUS is not set */
    public RekeyRequests(Rekeying rekeying, Pseudonyms previous, Path feedsDir) {
        this.rekeying = rekeying;
        this.previous = previous;
        this.feedsDir = feedsDir.toAbsolutePath().normalize();
    }

    /** The numbers in the request's body. */
    public RekeyResult post(BatchFile body, Map<String, Object> parameters, Caller caller) {
        return rekeying.rekey(previous, List.of(FeedSource.of(body)), dropUnmapped(parameters), caller.id());
    }

    /** The numbers in files of the feeds folder: files=population/done/a.csv,health/done/b.csv */
    public RekeyResult files(Map<String, Object> parameters, Caller caller) {
        List<FeedSource> sources = new ArrayList<>();
        for (String name : parameters.get("files").toString().split(",")) {
            Path file = feedsDir.resolve(name.strip()).normalize();
            if (name.isBlank() || !file.startsWith(feedsDir) || !Files.isRegularFile(file)) {
                throw InvalidInputException.of("files", "names no file under the feeds folder: " + name.strip());
            }
            BatchFile.Format format =
                    BatchFile.Format.ofFileName(file.getFileName().toString());
            if (format == null) {
                throw InvalidInputException.of("files", name.strip() + " is not a .csv, .jsonl or .ndjson file");
            }
            sources.add(FeedSource.of(file, format, null));
        }
        return rekeying.rekey(previous, sources, dropUnmapped(parameters), caller.id());
    }

    private static boolean dropUnmapped(Map<String, Object> parameters) {
        Object drop = parameters.get("dropUnmapped");
        if (drop == null || drop.toString().isBlank()) {
            return false;
        }
        if (!drop.toString().equals("true") && !drop.toString().equals("false")) {
            throw InvalidInputException.of("dropUnmapped", "must be true or false");
        }
        return drop.toString().equals("true");
    }
}
