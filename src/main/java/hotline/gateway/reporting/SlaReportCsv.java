package hotline.gateway.reporting;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An SLA report as CSV for spreadsheet programs: UTF-8 with a byte order mark (without it Excel reads Chinese names
 * as another code page), a header row in the report's language (the JSON field names, or Chinese or English labels
 * that say each figure's unit), RFC 4180 quoting and CRLF line ends, the total last, and on every row the period
 * (from, to) it covers, so that rows pasted together from several files still say which month they are.
 * A text cell that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a carriage return:
 * an office's return reason "=HYPERLINK(...)") is written with a single quote before it, so it stays text.
 */
public final class SlaReportCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = new CsvMapper();

    private SlaReportCsv() {}

    public static byte[] write(SlaReport report) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(header(report.language() == null ? ReportLanguage.KEYS : report.language()));
        report.groups().forEach(group -> rows.add(row(new SlaCsvColumn.Row(report, group))));
        rows.add(row(new SlaCsvColumn.Row(report, report.total())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        try {
            CSV.writer(schema).writeValues(out).writeAll(rows).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The name a download is saved under, e.g. sla-town-2026-11-01-2026-11-30.csv. */
    public static String fileName(SlaReport report) {
        return "sla-" + report.groupBy() + (report.district() == null ? "" : "-" + report.district()) + "-"
                + report.from() + "-" + report.to() + ".csv";
    }

    private static Object[] header(ReportLanguage language) {
        return SlaCsvColumn.ALL.stream().map(column -> column.label(language)).toArray();
    }

    /** An empty field for null: the array writer would drop a null and shift the columns after it. */
    private static Object[] row(SlaCsvColumn.Row row) {
        return SlaCsvColumn.ALL.stream()
                .map(column -> column.value().apply(row))
                .map(value -> value == null ? "" : value instanceof String text ? neutralised(text) : value)
                .toArray();
    }

    /**
     * The text as a cell that no spreadsheet evaluates: a leading =, +, -, @, tab or carriage return starts a formula
     * in Excel, LibreOffice and Google Sheets, so such a cell gets a single quote in front (OWASP's advice for CSV
     * injection). Numbers are written as numbers and need none.
     */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
