package hotline.gateway.outreach;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.intake.BatchFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a feed file row by row, streaming: CSV with a header row (RFC 4180 quoting) or JSON Lines (one object a
 * line). A row that cannot be read is one row's problem, not the file's; a file whose header cannot be read fails.
 */
final class FeedRows implements Iterator<FeedRow> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BatchFile.Format format;
    private final BufferedReader lines;
    private final String[] header;
    private int lineNo;
    private FeedRow next;

    FeedRows(BatchFile.Format format, Reader reader) {
        this.format = format;
        this.lines = new BufferedReader(reader, 1 << 16);
        if (format == BatchFile.Format.CSV) {
            String[] names = record();
            if (names == null) {
                throw new FeedFileException("the file is empty: a header row is required");
            }
            this.header = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                String name = names[i].strip().toLowerCase(Locale.ROOT);
                header[i] = i == 0 && name.startsWith("\ufeff") ? name.substring(1) : name;
            }
        } else {
            this.header = null;
        }
    }

    /** The CSV header's column names (lower case); empty for JSON Lines. */
    List<String> header() {
        return header == null ? List.of() : List.of(header);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public FeedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FeedRow row = next;
        next = null;
        return row;
    }

    private FeedRow read() {
        return format == BatchFile.Format.CSV ? readCsv() : readJson();
    }

    private FeedRow readCsv() {
        while (true) {
            int line = lineNo + 1;
            String[] cells;
            try {
                cells = record();
            } catch (FeedFileException e) {
                return new FeedRow(line, null, e.getMessage());
            }
            if (cells == null) {
                return null;
            }
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;
            }
            if (cells.length > header.length) {
                return new FeedRow(line, null, "has " + cells.length + " cells, the header " + header.length);
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                if (!cells[i].isBlank()) {
                    values.put(header[i], cells[i].strip());
                }
            }
            return new FeedRow(line, values, null);
        }
    }

    /** One CSV record (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks); null at the end. */
    private String[] record() {
        try {
            String text = lines.readLine();
            if (text == null) {
                return null;
            }
            lineNo++;
            int startLine = lineNo;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i >= text.length()) {
                    if (!quoted) {
                        break;
                    }
                    String more = lines.readLine();
                    if (more == null) {
                        throw new FeedFileException("a quoted cell opened on line " + startLine + " is not closed");
                    }
                    lineNo++;
                    cell.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FeedRow readJson() {
        try {
            while (true) {
                String text = lines.readLine();
                if (text == null) {
                    return null;
                }
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try (JsonParser parser = JSON.createParser(text)) {
                    node = JSON.readTree(parser);
                } catch (JsonProcessingException e) {
                    return new FeedRow(lineNo, null, "is not JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    return new FeedRow(lineNo, null, "must be a JSON object");
                }
                Map<String, String> values = new HashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode value = field.getValue();
                    if (value.isNull()) {
                        continue;
                    }
                    if (!value.isValueNode()) {
                        return new FeedRow(lineNo, null, field.getKey() + " must be a single value");
                    }
                    String textValue = value.asText().strip();
                    if (!textValue.isEmpty()) {
                        values.put(field.getKey().toLowerCase(Locale.ROOT), textValue);
                    }
                }
                return new FeedRow(lineNo, values, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
