package hotline.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import hotline.gateway.validation.TextDecoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch file dropped in a centre's folder of the inbox ({@code inbox/<centreId>/}): taken like a batch posted with
 * that centre's credentials (the folder stands for the centre: a row naming another centre is refused with that
 * reason); the file goes to the centre's done/ with its result, or to its failed/ when the file as a whole cannot be
 * read. A file is read as UTF-8 (with or without a byte order mark), else as GBK when it is valid GBK (what Chinese
 * spreadsheet programs save), else it fails. A database failure is not an outcome: it propagates, the file stays in
 * the inbox and is taken again later (its rows are idempotent).
 */
public class InboxFiles {

    private static final Logger log = LoggerFactory.getLogger(InboxFiles.class);

    private final BatchIntake batchIntake;
    private final ObjectMapper json;

    public InboxFiles(BatchIntake batchIntake, ObjectMapper json) {
        this.batchIntake = batchIntake;
        this.json = json;
    }

    /** What to do with a file: the folder to move it to (under the inbox), and the result file to write beside it. */
    public record Outcome(String folder, byte[] result) {}

    /** @param fileName the file's path under the inbox: {@code <centreId>/<name>} */
    public Outcome process(String fileName, byte[] content) {
        String normalised = fileName.replace('\\', '/');
        int slash = normalised.indexOf('/');
        String centre = slash > 0 ? normalised.substring(0, slash) : null;
        String folder = centre == null ? "" : centre + "/";
        BatchFile.Format format = BatchFile.Format.ofFileName(fileName);
        try {
            if (centre == null) {
                throw InvalidInputException.of(
                        "(file)", "must be in a centre's folder of the inbox: <centreId>/<name>");
            }
            if (format == null) {
                throw InvalidInputException.of("(file)", "must end in .csv, .jsonl or .ndjson");
            }
            BatchResult result = batchIntake.accept(new BatchFile(fileName, format, content, charset(content)), centre);
            log.info(
                    "Inbox file {}: {} rows, {} new tickets, {} already taken, {} rejected",
                    fileName,
                    result.rows(),
                    result.created(),
                    result.existing(),
                    result.rejected());
            return new Outcome(folder + "done", write(result));
        } catch (InvalidInputException e) {
            log.warn("Inbox file {} rejected: {}", fileName, e.getMessage());
            return new Outcome(folder + "failed", write(failure(fileName, e.errors())));
        } catch (BatchTooLargeException e) {
            log.warn("Inbox file {} rejected: {}", fileName, e.getMessage());
            return new Outcome(
                    folder + "failed", write(failure(fileName, List.of(new FieldError("(file)", e.getMessage())))));
        }
    }

    /** UTF-8 when the bytes are UTF-8, else GBK when they are GBK. */
    static Charset charset(byte[] content) {
        if (TextDecoding.tryDecode(content, StandardCharsets.UTF_8).isPresent()) {
            return StandardCharsets.UTF_8;
        }
        Charset gbk = Charset.forName("GBK");
        if (TextDecoding.tryDecode(content, gbk).isPresent()) {
            return gbk;
        }
        throw InvalidInputException.of(
                "(file)",
                TextDecoding.problem(content, StandardCharsets.UTF_8) + ", nor is it GBK text: save it as UTF-8");
    }

    private static Map<String, Object> failure(String fileName, List<FieldError> errors) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("name", fileName);
        failure.put("status", "REJECTED");
        failure.put("errors", errors);
        return failure;
    }

    private byte[] write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write inbox result", e);
        }
    }
}
