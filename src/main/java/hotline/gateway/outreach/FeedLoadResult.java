package hotline.gateway.outreach;

import hotline.gateway.validation.FieldError;
import java.time.LocalDate;
import java.util.List;

/**
 * What a feed load did: rows read, loaded and rejected, each rejected row's line and fields (the first 1,000), and
 * whether the file was the snapshot already loaded (then nothing changed).
 *
 * @param status LOADED, UNCHANGED (the same file for the same date again) or REJECTED (the file as a whole)
 */
public record FeedLoadResult(
        String feed,
        LocalDate snapshotDate,
        String file,
        String status,
        int rows,
        int loaded,
        int rejected,
        List<RowError> errors,
        String problem) {

    public static final int MAX_LISTED_ERRORS = 1000;

    public record RowError(int line, List<FieldError> errors) {}

    static FeedLoadResult rejected(String feed, LocalDate date, String file, String problem) {
        return new FeedLoadResult(feed, date, file, "REJECTED", 0, 0, 0, List.of(), problem);
    }
}
