package hotline.gateway.outreach.rules;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.files.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The label dictionary: every label of config/labels/*.yml, at its level, and the risk combinations. Read at start
 * and on each matching run (a district or a town adds a file, no rebuild); a mistake names its file and entry. Each
 * rule is compiled against the register's vocabulary when read, so a typo is found before any run.
 */
public final class LabelDictionary {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private final List<LabelDefinition> labels;
    private final List<RiskCombination> combinations;
    private final Map<String, LabelDefinition> byCode = new LinkedHashMap<>();

    public LabelDictionary(List<LabelDefinition> labels, List<RiskCombination> combinations) {
        this.labels = List.copyOf(labels);
        this.combinations = List.copyOf(combinations);
        for (LabelDefinition label : labels) {
            LabelDefinition wider = byCode.get(label.code());
            if (wider == null || wider.level().ordinal() > label.level().ordinal()) {
                byCode.put(label.code(), label);
            }
        }
    }

    /** Reads every *.yml file of the folder, in name order; the names of values are those rules may use. */
    public static LabelDictionary load(Path dir, Map<String, BigDecimal> values) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the label folder " + dir, e);
        }
        List<LabelDefinition> labels = new ArrayList<>();
        List<JsonNode> combinationNodes = new ArrayList<>();
        List<String> combinationSources = new ArrayList<>();
        for (Path file : files) {
            JsonNode root;
            try {
                root = YamlFiles.readTree(Files.readAllBytes(file), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (root == null) {
                continue;
            }
            JsonNode entries = root.path("labels");
            for (int i = 0; i < entries.size(); i++) {
                labels.add(label(entries.get(i), file.getFileName() + ": labels[" + i + "]"));
            }
            JsonNode combos = root.path("combinations");
            for (int i = 0; i < combos.size(); i++) {
                combinationNodes.add(combos.get(i));
                combinationSources.add(file.getFileName() + ": combinations[" + i + "]");
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        Set<String> defined = new LinkedHashSet<>();
        for (LabelDefinition label : labels) {
            String key = label.code() + "@" + label.level() + ":" + label.areaCode();
            if (!defined.add(key)) {
                throw new IllegalStateException(
                        label.source() + ": label " + label.code() + " is defined twice for the same area");
            }
            codes.add(label.code());
            try {
                new SqlCompiler(new RegisterVocabulary(label.subject(), values)).compile(label.rule());
            } catch (RuleSyntaxException e) {
                throw new IllegalStateException(label.source() + ".rule: " + e.getMessage());
            }
        }
        List<RiskCombination> combinations = new ArrayList<>();
        for (int i = 0; i < combinationNodes.size(); i++) {
            JsonNode node = combinationNodes.get(i);
            String where = combinationSources.get(i);
            String when = text(node, "when", where);
            Expr expr;
            try {
                expr = LabelQuery.parse(when, codes);
            } catch (RuleSyntaxException e) {
                throw new IllegalStateException(where + ".when: " + e.getMessage());
            }
            combinations.add(new RiskCombination(
                    code(node, where),
                    text(node, "zh", where),
                    text(node, "en", where),
                    when,
                    risk(node, where),
                    expr));
        }
        return new LabelDictionary(labels, combinations);
    }

    public List<LabelDefinition> labels() {
        return labels;
    }

    public List<RiskCombination> combinations() {
        return combinations;
    }

    /** Every label code, each once. */
    public Set<String> codes() {
        return byCode.keySet();
    }

    /** A code's widest definition (its names and risk), or null. */
    public LabelDefinition label(String code) {
        return byCode.get(code);
    }

    /**
     * The SQL of a text[] with the codes of every label of this subject whose rule holds: for each code, the
     * narrowest definition whose area holds the household.
     */
    public SqlPredicate labelArray(LabelSubject subject, Map<String, BigDecimal> values) {
        SqlCompiler compiler = new SqlCompiler(new RegisterVocabulary(subject, values));
        Map<String, List<LabelDefinition>> byCodeOfSubject = new LinkedHashMap<>();
        for (LabelDefinition label : labels) {
            if (label.subject() == subject) {
                byCodeOfSubject
                        .computeIfAbsent(label.code(), c -> new ArrayList<>())
                        .add(label);
            }
        }
        StringBuilder sql = new StringBuilder("ARRAY_REMOVE(ARRAY[");
        List<Object> params = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, List<LabelDefinition>> entry : byCodeOfSubject.entrySet()) {
            List<LabelDefinition> definitions = new ArrayList<>(entry.getValue());
            // Widest first, so that each narrower one wraps it: CASE WHEN in the area THEN narrow ELSE wider END.
            definitions.sort(Comparator.comparing(LabelDefinition::level));
            SqlPredicate predicate = SqlPredicate.alwaysFalse();
            for (LabelDefinition definition : definitions) {
                SqlPredicate own = compiler.compile(definition.rule());
                predicate = definition.level() == LabelLevel.CITY
                        ? own
                        : SqlPredicate.when(
                                new SqlPredicate(
                                        "h." + definition.level().column() + " = CAST(? AS text)",
                                        List.of(definition.areaCode())),
                                own,
                                predicate);
            }
            sql.append(first ? "" : ", ")
                    .append("CASE WHEN ")
                    .append(predicate.sql())
                    .append(" THEN CAST(? AS text) END");
            params.addAll(predicate.params());
            params.add(entry.getKey());
            first = false;
        }
        sql.append("]::text[], NULL)");
        return first ? new SqlPredicate("CAST('{}' AS text[])", List.of()) : new SqlPredicate(sql.toString(), params);
    }

    private static LabelDefinition label(JsonNode node, String where) {
        String levelText = text(node, "level", where);
        LabelLevel level;
        try {
            level = LabelLevel.of(levelText);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ".level: " + e.getMessage());
        }
        JsonNode area = node.get("area");
        String areaCode = area == null || area.isNull() ? null : area.asText();
        if (!level.fits(areaCode)) {
            throw new IllegalStateException(where + ".area: a " + levelText + " label needs "
                    + (level == LabelLevel.CITY ? "no area" : "an area code of " + level.codeLength() + " digits"));
        }
        String subjectText = node.path("subject").asText("household");
        LabelSubject subject;
        try {
            subject = LabelSubject.valueOf(subjectText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ".subject: must be person or household");
        }
        return new LabelDefinition(
                code(node, where),
                text(node, "zh", where),
                text(node, "en", where),
                text(node, "department", where),
                level,
                areaCode,
                subject,
                text(node, "rule", where),
                risk(node, where),
                where);
    }

    private static String code(JsonNode node, String where) {
        String code = text(node, "code", where);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalStateException(
                    where + ".code: " + code + " must be A-Z, 0-9 and _, starting with a letter");
        }
        return code;
    }

    private static int risk(JsonNode node, String where) {
        JsonNode risk = node.get("risk");
        if (risk == null) {
            return 0;
        }
        if (!risk.canConvertToInt() || risk.asInt() < 0 || risk.asInt() > 100) {
            throw new IllegalStateException(where + ".risk: a whole number from 0 to 100");
        }
        return risk.asInt();
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalStateException(where + "." + name + ": required");
        }
        return value.asText();
    }
}
