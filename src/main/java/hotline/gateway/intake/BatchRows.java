package hotline.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import hotline.gateway.validation.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final CsvMapper CSV = new CsvMapper();

    private final ObjectMapper json;
    private final int maxRows;

    BatchRows(ObjectMapper json, int maxRows) {
        this.json = json;
        this.maxRows = maxRows;
    }

    /** One row: its number (1 = first data row), the line it starts on, and its JSON or why it is unreadable. */
    record Row(int number, int line, JsonNode body, String unreadable) {}

    List<Row> read(BatchFile file) {
        String text = decode(file.content());
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
                rows.add(new Row(number, i + 1, json.readTree(line), null));
            } catch (JsonProcessingException e) {
                rows.add(new Row(number, i + 1, null, "line " + (i + 1) + " is not valid JSON"));
            }
        }
        return rows;
    }

    private List<Row> csv(String text) {
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> records =
                CSV.readerForMapOf(String.class).with(schema).readValues(new StringReader(text))) {
            while (records.hasNextValue()) {
                int line = records.getCurrentLocation().getLineNr();
                Map<String, String> record = records.nextValue();
                checkRowCount(rows.size() + 1);
                rows.add(new Row(rows.size() + 1, line, toJson(record), null));
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

    /** subject.name=李四 → {"subject":{"name":"李四"}}; empty cells are absent; numbers and booleans typed. */
    private static ObjectNode toJson(Map<String, String> record) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : record.entrySet()) {
            String column = cell.getKey().strip();
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
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

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of("(body)", "must be UTF-8 text");
        }
    }
}
