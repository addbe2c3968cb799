package hotline.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import hotline.gateway.validation.RequestValues;
import hotline.gateway.validation.TextDecoding;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a batch into rows, each the JSON of one report. CSV columns name fields by path (subject.name,
 * location.address, household.size, ...) so that a CSV row and a JSON line go through the same validation.
 */
final class BatchRows {

    private static final Set<String> NUMBER_COLUMNS = Set.of(
            "location.lat",
            "location.lon",
            "household.size",
            "household.monthlyIncome",
            "household.monthlyMedicalCosts");
    private static final Set<String> BOOLEAN_COLUMNS =
            Set.of("urgent", "household.suddenHardship", "household.hasLegalSupporter");
    private static final ObjectReader CSV =
            new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[].class);

    private final ObjectReader json;
    private final int maxRows;

    BatchRows(ObjectMapper json, int maxRows) {
        this.json = RequestValues.requestReader(json);
        this.maxRows = maxRows;
    }

    /**
     * One row: its number (1 = first data row), the line it starts on, and its JSON, or why it cannot be read (then
     * the body is null).
     */
    record Row(int number, int line, JsonNode body, List<FieldError> unreadable) {

        Row {
            unreadable = List.copyOf(unreadable);
        }

        static Row of(int number, int line, JsonNode body) {
            return new Row(number, line, body, List.of());
        }

        static Row unreadable(int number, int line, String problem) {
            return new Row(number, line, null, List.of(new FieldError("(row)", problem)));
        }
    }

    List<Row> read(BatchFile file) {
        String text = decode(file);
        List<Row> rows = file.format() == BatchFile.Format.CSV ? csv(text) : jsonLines(text);
        if (rows.isEmpty()) {
            throw InvalidInputException.of("(body)", "has no rows");
        }
        return rows;
    }

    private List<Row> jsonLines(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            checkRowCount(rows.size() + 1);
            int number = rows.size() + 1;
            try {
                rows.add(Row.of(number, i + 1, json.readTree(line)));
            } catch (JsonProcessingException e) {
                rows.add(Row.unreadable(number, i + 1, "line " + (i + 1) + " is not valid JSON"));
            }
        }
        return rows;
    }

    /**
     * A header row of field paths, then one report per row. A row with more cells than the header has is refused on
     * its own; one with fewer leaves the missing fields absent; a blank row is skipped. Text that cannot be split
     * into rows at all (an unterminated quote) refuses the batch.
     */
    private List<Row> csv(String text) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = CSV.readValues(new StringReader(text))) {
            if (!records.hasNextValue()) {
                return rows;
            }
            String[] header = records.nextValue();
            while (records.hasNextValue()) {
                int line = records.getCurrentLocation().getLineNr();
                String[] cells = records.nextValue();
                if (blank(cells)) {
                    continue;
                }
                checkRowCount(rows.size() + 1);
                int number = rows.size() + 1;
                if (cells.length > header.length) {
                    rows.add(Row.unreadable(
                            number,
                            line,
                            "has " + cells.length + " cells, more than the " + header.length + " columns of the header"
                                    + " (quote a cell that contains a comma)"));
                } else {
                    rows.add(Row.of(number, line, toJson(header, cells)));
                }
            }
        } catch (IOException e) {
            // hasNextValue and nextValue report every parse error as an IOException (the row limit passes through).
            throw InvalidInputException.of(
                    "(body)",
                    "is not valid CSV after row " + rows.size()
                            + " (a header row, then one row per report,"
                            + " fields quoted where they contain commas, quotes or line breaks)");
        }
        return rows;
    }

    private static boolean blank(String[] cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** subject.name=李四 → {"subject":{"name":"李四"}}; empty cells are absent; numbers and booleans typed. */
    private static ObjectNode toJson(String[] header, String[] cells) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int c = 0; c < cells.length; c++) {
            String column = header[c] == null ? "" : header[c].strip();
            String value = cells[c] == null ? "" : cells[c].strip();
            if (value.isEmpty() || column.isEmpty()) {
                continue;
            }
            ObjectNode parent = root;
            String[] path = column.split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) && parent.get(path[i]).isObject()
                        ? (ObjectNode) parent.get(path[i])
                        : parent.putObject(path[i]);
            }
            String field = path[path.length - 1];
            if (NUMBER_COLUMNS.contains(column) && isNumber(value)) {
                BigDecimal number = new BigDecimal(value);
                if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                    parent.put(field, number.longValueExact());
                } else {
                    parent.put(field, number);
                }
            } else if (BOOLEAN_COLUMNS.contains(column)
                    && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                parent.put(field, Boolean.parseBoolean(value.toLowerCase()));
            } else {
                parent.put(field, value);
            }
        }
        return root;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void checkRowCount(int rows) {
        if (rows > maxRows) {
            throw new BatchTooLargeException(maxRows);
        }
    }

    /**
     * The batch's text: in its declared charset, or UTF-8 when it declares none (with or without a byte order mark).
     */
    private static String decode(BatchFile file) {
        if (file.charset() != null) {
            return TextDecoding.decode(file.content(), file.charset(), "(body)");
        }
        return TextDecoding.tryDecode(file.content(), StandardCharsets.UTF_8)
                .orElseThrow(() -> InvalidInputException.of(
                        "(body)",
                        TextDecoding.problem(file.content(), StandardCharsets.UTF_8)
                                + "; a batch in GBK or GB18030 declares it, e.g. Content-Type: text/csv; charset=GBK"));
    }
}
