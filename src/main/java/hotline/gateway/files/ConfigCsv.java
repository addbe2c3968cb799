package hotline.gateway.files;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV files of config/ (a header row, then rows; lines starting with # are comments) and checks that the
 * columns a caller needs are there, so that a mistake in an edited file stops the start with a clear message.
 */
public final class ConfigCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private ConfigCsv() {}

    public static List<Map<String, String>> read(Path file, String... requiredColumns) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), requiredColumns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<Map<String, String>> read(Reader reader, String name, String... requiredColumns)
            throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class)
                .with(schema)
                .with(CsvParser.Feature.TRIM_SPACES)
                .readValues(reader)) {
            List<Map<String, String>> result = new ArrayList<>(rows.readAll());
            if (!result.isEmpty()) {
                List<String> missing = Arrays.stream(requiredColumns)
                        .filter(column -> !result.get(0).containsKey(column))
                        .toList();
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException(name + ": missing column(s) " + missing);
                }
            }
            return result;
        }
    }

    /** A |-separated list cell: "a|b" → [a, b]; empty → []. */
    public static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
