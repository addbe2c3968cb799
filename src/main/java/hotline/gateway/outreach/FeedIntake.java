package hotline.gateway.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.intake.BatchFile;
import hotline.gateway.security.Caller;
import hotline.gateway.security.ClientRole;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds as they arrive: posted by a department's client (its own feed only: a DEPARTMENT client's scope names its
 * feed) or an operator, or dropped in a feed's inbox folder (the folder stands for the feed).
 */
public class FeedIntake {

    private static final Pattern DATE_IN_NAME = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2})");

    private final FeedLoader loader;
    private final PseudonymKeyCheck keyCheck;
    private final ObjectMapper json;

    public FeedIntake(FeedLoader loader, PseudonymKeyCheck keyCheck, ObjectMapper json) {
        this.loader = loader;
        this.keyCheck = keyCheck;
        this.json = json;
    }

    /** Where an inbox file goes (its feed's done/ or failed/ folder) and the result file written beside it. */
    public record InboxOutcome(String folder, byte[] result) {}

    /** POST /api/v1/outreach/feeds/{feed}?snapshotDate=YYYY-MM-DD with CSV or JSON Lines. */
    public FeedLoadResult post(String feedId, String snapshotDate, BatchFile body, Caller caller) {
        Feed feed = Feed.of(feedId)
                .orElseThrow(() -> new HttpProblemException(
                        404, "Not found", "feed", "is not a feed: one of " + String.join(", ", Feed.ids())));
        if (caller.has(ClientRole.DEPARTMENT)
                && !feed.id().equals(caller.client().scope())) {
            throw new HttpProblemException(
                    403,
                    "Forbidden",
                    "feed",
                    "is " + feed.id() + ", but this department's client posts the "
                            + (caller.client().scope() == null
                                    ? "(no)"
                                    : caller.client().scope()) + " feed only");
        }
        LocalDate date = snapshotDate(snapshotDate);
        keyCheck.require();
        FeedLoadResult result = loader.load(feed, date, FeedSource.of(body), caller.id());
        if ("REJECTED".equals(result.status())) {
            throw new InvalidInputException(List.of(new FieldError("(body)", result.problem())));
        }
        return result;
    }

    /** A file of {@code <feed>/inbox/}: the snapshot date is the YYYY-MM-DD in its name. */
    public InboxOutcome file(String relativeName, File file) {
        FeedLoadResult result = load(relativeName, file);
        try {
            return new InboxOutcome(
                    folder(relativeName, result),
                    json.writerWithDefaultPrettyPrinter().writeValueAsBytes(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a feed result", e);
        }
    }

    FeedLoadResult load(String relativeName, File file) {
        String normal = relativeName.replace('\\', '/');
        String feedId = normal.contains("/") ? normal.substring(0, normal.indexOf('/')) : "";
        String name = file.getName();
        Feed feed = Feed.of(feedId).orElse(null);
        Matcher date = DATE_IN_NAME.matcher(name);
        BatchFile.Format format = BatchFile.Format.ofFileName(name);
        if (feed == null) {
            return FeedLoadResult.rejected(feedId, null, name, "the folder " + feedId + " is not a feed");
        }
        try {
            keyCheck.require();
        } catch (HttpProblemException e) {
            return FeedLoadResult.rejected(feedId, null, name, e.field() + " " + e.getMessage());
        }
        if (!date.find()) {
            return FeedLoadResult.rejected(feedId, null, name, "the file name must hold its snapshot date, YYYY-MM-DD");
        }
        LocalDate snapshot;
        try {
            snapshot = LocalDate.parse(date.group(1));
        } catch (DateTimeParseException e) {
            return FeedLoadResult.rejected(feedId, null, name, date.group(1) + " is not a date");
        }
        return loader.load(feed, snapshot, FeedSource.of(file.toPath(), format, null), "inbox:" + feed.id());
    }

    static String folder(String relativeName, FeedLoadResult result) {
        String normal = relativeName.replace('\\', '/');
        String feed = normal.contains("/") ? normal.substring(0, normal.indexOf('/')) : "unknown";
        return feed + ("REJECTED".equals(result.status()) ? "/failed" : "/done");
    }

    private static LocalDate snapshotDate(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(
                    "snapshotDate", "is required (YYYY-MM-DD: the date the feed's data is as of)");
        }
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("length", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("snapshotDate", "must be a date YYYY-MM-DD");
        }
    }
}
