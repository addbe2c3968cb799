package hotline.gateway.outreach;

import hotline.gateway.privacy.ResidentIdNumber;
import hotline.gateway.validation.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one row of a feed against its fields and turns it into a line of COPY text for outreach_fact (tab-separated,
 * \N for null), with the resident ID and household numbers replaced by their pseudonyms. A row with any bad field
 * gives its errors and no line.
 */
final class FeedRowConverter {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    private static final Map<String, String> PROGRAMS = Map.of(
            "SUBSISTENCE_ALLOWANCE", "SUBSISTENCE_ALLOWANCE",
            "低保", "SUBSISTENCE_ALLOWANCE",
            "LOW_INCOME_FAMILY", "LOW_INCOME_FAMILY",
            "低收入", "LOW_INCOME_FAMILY",
            "SPECIAL_HARDSHIP", "SPECIAL_HARDSHIP",
            "特困", "SPECIAL_HARDSHIP",
            "TEMPORARY_ASSISTANCE", "TEMPORARY_ASSISTANCE",
            "临时救助", "TEMPORARY_ASSISTANCE");

    private final Feed feed;
    private final String snapshotDate;
    private final Pseudonyms pseudonyms;
    private final Set<String> known = new HashSet<>();

    FeedRowConverter(Feed feed, LocalDate snapshotDate, Pseudonyms pseudonyms) {
        this.feed = feed;
        this.snapshotDate = snapshotDate.toString();
        this.pseudonyms = pseudonyms;
        known.add(Feed.ID_NUMBER.name());
        feed.fields().forEach(field -> known.add(field.name()));
    }

    /** Columns of a CSV header that the feed does not know: the file is refused, naming them. */
    void checkHeader(Iterable<String> names) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw new FeedFileException("column " + name + " is not a field of the " + feed.id() + " feed");
            }
        }
    }

    /** The row's COPY line (ending in a newline), or null with its errors added. */
    String convert(FeedRow row, List<FieldError> errors) {
        String[] cells = new String[FactColumns.ALL.size()];
        cells[0] = feed.id();
        cells[1] = snapshotDate;
        cells[3] = Integer.toString(row.line());
        int before = errors.size();
        for (String name : row.values().keySet()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a field of the " + feed.id() + " feed"));
            }
        }
        String id = row.values().get(Feed.ID_NUMBER.name());
        if (id == null) {
            errors.add(new FieldError("id_number", "is required"));
        } else {
            String problem = ResidentIdNumber.problem(id);
            if (problem != null) {
                errors.add(new FieldError("id_number", "is not a valid resident ID number: " + problem));
            } else {
                cells[2] = pseudonyms.person(id);
            }
        }
        for (FeedField field : feed.fields()) {
            String value = row.values().get(field.name());
            if (value == null) {
                if (field.required()) {
                    errors.add(new FieldError(field.name(), "is required"));
                }
                continue;
            }
            String converted = convert(field, value, errors);
            if (converted != null && field.column() != null) {
                cells[FactColumns.index(field.column())] = converted;
            }
        }
        if (errors.size() > before) {
            return null;
        }
        derive(cells, row.values(), id, errors);
        if (errors.size() > before) {
            return null;
        }
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            appendCopy(line, cells[i]);
        }
        return line.append('\n').toString();
    }

    /** What follows from the fields: the town from the community, a birth date from the ID, monthly costs. */
    private void derive(String[] cells, Map<String, String> values, String id, List<FieldError> errors) {
        if (feed == Feed.POPULATION) {
            String community = cells[FactColumns.index("community_code")];
            cells[FactColumns.index("town_code")] = community.substring(0, 9);
            int birth = FactColumns.index("birth_date");
            if (cells[birth] == null) {
                cells[birth] = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
            }
        }
        if (feed == Feed.HEALTH) {
            int costs = FactColumns.index("medical_costs_monthly");
            if (cells[costs] != null) {
                String months = values.get("period_months");
                int period = months == null ? 12 : Integer.parseInt(months);
                if (period < 1 || period > 60) {
                    errors.add(new FieldError("period_months", "must be from 1 to 60"));
                    return;
                }
                cells[costs] = new BigDecimal(cells[costs])
                        .divide(BigDecimal.valueOf(period), 2, RoundingMode.HALF_UP)
                        .toPlainString();
            }
        }
        if (feed == Feed.CIVIL_AFFAIRS) {
            String until = cells[FactColumns.index("until")];
            if (until != null && until.compareTo(cells[FactColumns.index("since")]) < 0) {
                errors.add(new FieldError("until", "is before since"));
            }
        }
    }

    private String convert(FeedField field, String value, List<FieldError> errors) {
        String name = field.name();
        switch (field.type()) {
            case HOUSEHOLD_NO -> {
                if (value.length() > 64) {
                    errors.add(new FieldError(name, "must be at most 64 characters"));
                    return null;
                }
                return pseudonyms.household(value);
            }
            case DATE -> {
                try {
                    if (value.length() != 10) {
                        throw new DateTimeParseException("length", value, 0);
                    }
                    LocalDate date = LocalDate.parse(value);
                    if (date.getYear() < 1890) {
                        errors.add(new FieldError(name, "must be 1890 or later"));
                        return null;
                    }
                    return date.toString();
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(name, "must be a date YYYY-MM-DD"));
                    return null;
                }
            }
            case BOOLEAN -> {
                String lower = value.toLowerCase(Locale.ROOT);
                switch (lower) {
                    case "true", "1", "yes", "y", "是" -> {
                        return "t";
                    }
                    case "false", "0", "no", "n", "否" -> {
                        return "f";
                    }
                    default -> {
                        errors.add(new FieldError(name, "must be true or false"));
                        return null;
                    }
                }
            }
            case COUNT -> {
                return whole(name, value, 0, 100_000, errors);
            }
            case GRADE -> {
                return whole(name, value, 1, 4, errors);
            }
            case AMOUNT -> {
                try {
                    BigDecimal amount = new BigDecimal(value);
                    if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
                        errors.add(new FieldError(
                                name, "must be an amount from 0 to 100,000,000 with at most 2 decimals"));
                        return null;
                    }
                    return amount.toPlainString();
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(name, "must be a number"));
                    return null;
                }
            }
            case COMMUNITY_CODE -> {
                if (value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    errors.add(new FieldError(name, "must be a community's 12-digit code"));
                    return null;
                }
                return value;
            }
            case PROGRAM -> {
                String program = PROGRAMS.get(value.toUpperCase(Locale.ROOT));
                if (program == null) {
                    errors.add(new FieldError(
                            name,
                            "must be SUBSISTENCE_ALLOWANCE (低保), LOW_INCOME_FAMILY (低收入), SPECIAL_HARDSHIP (特困)"
                                    + " or TEMPORARY_ASSISTANCE (临时救助)"));
                }
                return program;
            }
            case TEXT -> {
                if (value.length() > 200) {
                    errors.add(new FieldError(name, "must be at most 200 characters"));
                    return null;
                }
                if (value.indexOf('\u0000') >= 0) {
                    errors.add(new FieldError(name, "must not hold a NUL character"));
                    return null;
                }
                return value;
            }
            default -> throw new IllegalStateException("unchecked type " + field.type());
        }
    }

    private static String whole(String name, String value, int min, int max, List<FieldError> errors) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
                return null;
            }
            return Integer.toString(number);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    private static void appendCopy(StringBuilder line, String value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
