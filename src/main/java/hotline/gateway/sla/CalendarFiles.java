package hotline.gateway.sla;

import hotline.gateway.files.ConfigCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the holiday calendars of config/calendar/: one CSV file per year, named for it ({@code cn-2026.csv}), with
 * rows {@code date,kind,name} where kind is {@code holiday} or {@code workday} (a make-up workday). The year in the
 * name is the year the file covers; a row may fall in a neighbouring year (a holiday that starts on 31 December).
 * A bad row stops the start with the file and the row named.
 */
public final class CalendarFiles {

    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?:.*\\D)?(\\d{4})\\.csv");

    private CalendarFiles() {}

    public static WorkingCalendar load(WorkingHours hours, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + ": calendar directory not found");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        Map<LocalDate, DayKind> days = new HashMap<>();
        Map<LocalDate, Path> origins = new HashMap<>();
        Set<Year> covered = new HashSet<>();
        for (Path file : files) {
            covered.add(yearOf(file));
            List<Map<String, String>> rows = ConfigCsv.read(file, "date", "kind", "name");
            for (int i = 0; i < rows.size(); i++) {
                String where = file + ": row " + (i + 1);
                LocalDate date = date(rows.get(i).get("date"), where);
                DayKind kind = kind(rows.get(i).get("kind"), where + " (" + date + ")");
                DayKind before = days.putIfAbsent(date, kind);
                if (before != null && before != kind) {
                    throw new IllegalArgumentException(
                            where + ": " + date + " is " + kind.name().toLowerCase(Locale.ROOT) + " here but "
                                    + before.name().toLowerCase(Locale.ROOT) + " in " + origins.get(date));
                }
                origins.putIfAbsent(date, file);
            }
        }
        return new WorkingCalendar(hours, days, covered);
    }

    private static Year yearOf(Path file) {
        Matcher m = YEAR_IN_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    file + ": a calendar file is named for the year it covers, " + "e.g. cn-2026.csv");
        }
        return Year.of(Integer.parseInt(m.group(1)));
    }

    private static LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static DayKind kind(String text, String where) {
        String kind = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (DayKind k : DayKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        throw new IllegalArgumentException(where + ": kind '" + text + "' is neither holiday nor workday");
    }
}
