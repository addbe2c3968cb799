package hotline.gateway.reporting;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An SLA report as CSV for spreadsheet programs: UTF-8 with a byte order mark (without it Excel reads Chinese names
 * as another code page), a header row of the JSON field names, RFC 4180 quoting and CRLF line ends, the total last.
 * A text cell that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a carriage return:
 * an office's return reason "=HYPERLINK(...)") is written with a single quote before it, so it stays text.
 */
public final class SlaReportCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = new CsvMapper();
    private static final Map<String, Function<SlaFigures, Object>> COLUMNS = columns();
    private static final CsvSchema SCHEMA = schema();

    private SlaReportCsv() {}

    public static byte[] write(SlaReport report) {
        List<Object[]> rows = new ArrayList<>();
        report.groups().forEach(group -> rows.add(row(group)));
        rows.add(row(report.total()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try {
            CSV.writer(SCHEMA).writeValues(out).writeAll(rows).close();
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

    /** An empty field for null: the array writer would drop a null and shift the columns after it. */
    private static Object[] row(SlaFigures figures) {
        return COLUMNS.values().stream()
                .map(column -> column.apply(figures))
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

    private static CsvSchema schema() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.keySet().forEach(schema::addColumn);
        return schema.build();
    }

    private static String reasons(List<ReturnReason> reasons) {
        return reasons.stream()
                .map(reason -> reason.code() + ": " + reason.count())
                .collect(Collectors.joining("; "));
    }

    private static Map<String, Function<SlaFigures, Object>> columns() {
        Map<String, Function<SlaFigures, Object>> columns = new LinkedHashMap<>();
        columns.put("key", SlaFigures::key);
        columns.put("name", SlaFigures::name);
        columns.put("level", SlaFigures::level);
        columns.put("district", SlaFigures::district);
        columns.put("received", SlaFigures::received);
        columns.put("dispatched", SlaFigures::dispatched);
        columns.put("signedOnTime", SlaFigures::signedOnTime);
        columns.put("signDecided", SlaFigures::signDecided);
        columns.put("signedOnTimeRate", SlaFigures::signedOnTimeRate);
        columns.put("contactedOnTime", SlaFigures::contactedOnTime);
        columns.put("contactDecided", SlaFigures::contactDecided);
        columns.put("contactedOnTimeRate", SlaFigures::contactedOnTimeRate);
        columns.put("resolvedOnTime", SlaFigures::resolvedOnTime);
        columns.put("resolveDecided", SlaFigures::resolveDecided);
        columns.put("resolvedOnTimeRate", SlaFigures::resolvedOnTimeRate);
        columns.put("reassignedOnTime", SlaFigures::reassignedOnTime);
        columns.put("reassignDecided", SlaFigures::reassignDecided);
        columns.put("reassignedOnTimeRate", SlaFigures::reassignedOnTimeRate);
        columns.put("openNow", SlaFigures::openNow);
        columns.put("overdueNow", SlaFigures::overdueNow);
        columns.put("signHoursMedian", SlaFigures::signHoursMedian);
        columns.put("signHoursP90", SlaFigures::signHoursP90);
        columns.put("resolveHoursMedian", SlaFigures::resolveHoursMedian);
        columns.put("resolveHoursP90", SlaFigures::resolveHoursP90);
        columns.put("returns", SlaFigures::returns);
        columns.put("returnReasons", figures -> reasons(figures.returnReasons()));
        columns.put("extensionsApproved", SlaFigures::extensionsApproved);
        columns.put("extensionsRejected", SlaFigures::extensionsRejected);
        columns.put("extensionDays", SlaFigures::extensionDays);
        columns.put("escalations", SlaFigures::escalations);
        columns.put("responded", SlaFigures::responded);
        columns.put("responseDecided", SlaFigures::responseDecided);
        columns.put("responseRate", SlaFigures::responseRate);
        columns.put("resolvedForGood", SlaFigures::resolvedForGood);
        columns.put("resolutionDecided", SlaFigures::resolutionDecided);
        columns.put("resolutionRate", SlaFigures::resolutionRate);
        columns.put("callbacks", SlaFigures::callbacks);
        columns.put("satisfied", SlaFigures::satisfied);
        columns.put("basicallySatisfied", SlaFigures::basicallySatisfied);
        columns.put("dissatisfied", SlaFigures::dissatisfied);
        columns.put("satisfactionRate", SlaFigures::satisfactionRate);
        return columns;
    }
}
