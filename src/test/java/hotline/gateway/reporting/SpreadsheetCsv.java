package hotline.gateway.reporting;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file the way a spreadsheet program opens it, strictly by RFC 4180, and refuses what would open wrongly:
 * no UTF-8 byte order mark (Excel would take the file for the local code page), bytes that are not UTF-8, a line end
 * other than CRLF, a quote inside an unquoted field, text after a closing quote, or rows of different lengths.
 */
final class SpreadsheetCsv {

    private SpreadsheetCsv() {}

    static List<List<String>> read(byte[] file) {
        if (file.length < 3 || file[0] != (byte) 0xEF || file[1] != (byte) 0xBB || file[2] != (byte) 0xBF) {
            throw new IllegalArgumentException("no UTF-8 byte order mark");
        }
        String text = utf8(Arrays.copyOfRange(file, 3, file.length));
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '"' && field.isEmpty()) {
                i = quoted(text, i + 1, field);
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                continue;
            }
            char c = text.charAt(i);
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("a carriage return without a line feed at " + i);
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else if (c == '\n') {
                throw new IllegalArgumentException("a line feed without a carriage return at " + i);
            } else if (c == '"') {
                throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end in CRLF");
        }
        for (List<String> record : rows) {
            if (record.size() != rows.get(0).size()) {
                throw new IllegalArgumentException(
                        "rows of " + rows.get(0).size() + " and " + record.size() + " fields");
            }
        }
        return rows;
    }

    /** Reads a quoted field's content (doubled quotes are one quote); returns the index after its closing quote. */
    private static int quoted(String text, int start, StringBuilder field) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("a quoted field that does not end");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }
}
