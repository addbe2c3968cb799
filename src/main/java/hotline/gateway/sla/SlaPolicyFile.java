package hotline.gateway.sla;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.files.YamlFiles;
import hotline.gateway.ticket.Priority;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads config/sla.yml (the file's own comments show the format). Every entry is required and every key must be
 * known, so a typo stops the start with the file and the entry named instead of silently falling back.
 */
public final class SlaPolicyFile {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Set<String> TARGETS = Set.of("sign", "contact", "resolve");

    private final String name;

    private SlaPolicyFile(String name) {
        this.name = name;
    }

    public static SlaPolicy load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SLA policy " + file, e);
        }
    }

    /** Parses the policy from {@code reader} (not closed); {@code name} names the file in error messages. */
    public static SlaPolicy parse(Reader reader, String name) {
        return new SlaPolicyFile(name).policy(load(reader, name));
    }

    private SlaPolicy policy(Map<String, Object> root) {
        keys(root, "", "calendar", "warn-at", "priorities", "dispatch-desk", "extension");
        Map<String, Object> calendar = map(root, "", "calendar");
        keys(calendar, "calendar", "zone", "working-hours");
        WorkingHours hours =
                workingHours(text(calendar, "calendar", "zone"), text(calendar, "calendar", "working-hours"));
        Duration workingDay = hours.perDay();

        Map<String, Object> priorities = map(root, "", "priorities");
        Map<Priority, TargetSpans> byPriority = new EnumMap<>(Priority.class);
        Map<Priority, Map<NeedCode, TargetSpans>> byNeed = new EnumMap<>(Priority.class);
        for (String key : priorities.keySet()) {
            String path = "priorities." + key;
            Priority priority = fail(path, () -> SlaPolicy.priority(key));
            Map<String, Object> entry = map(priorities, "priorities", key);
            keys(entry, path, "sign", "contact", "resolve", "needs");
            TargetSpans spans = new TargetSpans(
                    span(entry, path, "sign", workingDay),
                    span(entry, path, "contact", workingDay),
                    span(entry, path, "resolve", workingDay));
            byPriority.put(priority, spans);
            if (entry.containsKey("needs")) {
                byNeed.put(priority, needs(map(entry, path, "needs"), path + ".needs", spans, workingDay));
            }
        }
        for (Priority priority : Priority.values()) {
            if (!byPriority.containsKey(priority)) {
                throw error("priorities." + priority, "missing");
            }
        }
        Map<String, Object> desk = map(root, "", "dispatch-desk");
        keys(desk, "dispatch-desk", "reassign");
        Map<String, Object> extension = map(root, "", "extension");
        keys(extension, "extension", "max-resolve");
        return new SlaPolicy(
                hours,
                byPriority,
                byNeed,
                span(desk, "dispatch-desk", "reassign", workingDay),
                warnAt(text(root, "", "warn-at")),
                span(extension, "extension", "max-resolve", workingDay));
    }

    /** A need lists only the targets it changes; the others are its priority's. */
    private Map<NeedCode, TargetSpans> needs(
            Map<String, Object> needs, String path, TargetSpans base, Duration workingDay) {
        Map<NeedCode, TargetSpans> result = new EnumMap<>(NeedCode.class);
        for (String key : needs.keySet()) {
            String needPath = path + "." + key;
            NeedCode need = fail(needPath, () -> SlaPolicy.needCode(key));
            Map<String, Object> entry = map(needs, path, key);
            keys(entry, needPath, TARGETS.toArray(String[]::new));
            result.put(
                    need,
                    new TargetSpans(
                            entry.containsKey("sign") ? span(entry, needPath, "sign", workingDay) : base.sign(),
                            entry.containsKey("contact")
                                    ? span(entry, needPath, "contact", workingDay)
                                    : base.contact(),
                            entry.containsKey("resolve")
                                    ? span(entry, needPath, "resolve", workingDay)
                                    : base.resolve()));
        }
        return result;
    }

    private WorkingHours workingHours(String zone, String hours) {
        ZoneId zoneId = fail("calendar.zone", () -> {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone '" + zone + "'");
            }
        });
        Matcher m = HOURS.matcher(hours);
        if (!m.matches()) {
            throw error("calendar.working-hours", "cannot read '" + hours + "' (e.g. 09:00-17:00)");
        }
        return fail("calendar.working-hours", () -> {
            try {
                return new WorkingHours(zoneId, LocalTime.parse(pad(m.group(1))), LocalTime.parse(pad(m.group(2))));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("cannot read '" + hours + "' (e.g. 09:00-17:00)");
            }
        });
    }

    private double warnAt(String text) {
        double share;
        try {
            share = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error("warn-at", "'" + text + "' is not a number (e.g. 0.8)");
        }
        if (!(share > 0 && share < 1)) {
            throw error("warn-at", text + " is not between 0 and 1 (exclusive)");
        }
        return share;
    }

    private SlaSpan span(Map<String, Object> map, String path, String key, Duration workingDay) {
        String text = text(map, path, key);
        return fail(join(path, key), () -> SlaSpan.parse(text, workingDay));
    }

    private String text(Map<String, Object> map, String path, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw error(join(path, key), "missing");
        }
        if (!(value instanceof String s)) {
            throw error(join(path, key), "expected a single value");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<String, Object> map, String path, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw error(join(path, key), "missing");
        }
        if (!(value instanceof Map<?, ?>)) {
            throw error(join(path, key), "expected entries below it");
        }
        return (Map<String, Object>) value;
    }

    private void keys(Map<String, Object> map, String path, String... known) {
        Set<String> allowed = Set.of(known);
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw error(join(path, key), "unknown entry (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    private <T> T fail(String path, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private IllegalArgumentException error(String path, String message) {
        return new IllegalArgumentException(name + ": " + path + ": " + message);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    /** Every scalar is read as text (no implicit typing), so "09:00" or "0.8" arrive as written. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Reader reader, String name) {
        Object document = YamlFiles.readAsText(reader, name);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": expected entries (calendar, warn-at, priorities, ...)");
        }
        return (Map<String, Object>) map;
    }
}
