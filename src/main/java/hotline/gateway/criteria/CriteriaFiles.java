package hotline.gateway.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.files.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the criteria files of a folder (*.yml, *.yaml, in name order): each defines programs with the needs they
 * serve and their effective-dated parameters (format: the comments of config/criteria/subsistence.yml and the
 * README). Anything wrong stops the start
 * with {@link IllegalArgumentException} naming the file and the entry, e.g.
 * {@code config/criteria/subsistence.yml:
 * programs.SUBSISTENCE_ALLOWANCE.parameters.income-standard[1]: start date missing}.
 */
public final class CriteriaFiles {

    private static final int VERSION_LENGTH = 12;

    private CriteriaFiles() {}

    public static Criteria load(Path dir) {
        List<Path> files = list(dir);
        MessageDigest digest = sha256();
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ObjectNode documentFiles = document.putObject("files");
        Map<Program, ProgramCriteria> programs = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] content = read(file);
            String name = file.getFileName().toString();
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
            digest.update((byte) 0);
            JsonNode tree = parse(file, content);
            documentFiles.set(name, tree);
            for (ProgramCriteria program : new CriteriaFile(file.toString()).programs(tree)) {
                ProgramCriteria earlier = programs.putIfAbsent(program.program(), program);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            file + ": programs." + program.program() + ": already defined in " + earlier.file());
                }
            }
        }
        checkReferences(programs);
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, VERSION_LENGTH);
        return new Criteria(version, document, programs.values());
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(
                            file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException(dir + ": no criteria files (*.yml)");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the criteria folder " + dir, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode parse(Path file, byte[] content) {
        JsonNode tree = YamlFiles.readTree(content, file.toString());
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new IllegalArgumentException(file + ": is empty");
        }
        return tree;
    }

    /** Every parameter a program's rule reads from another program must be defined by some file. */
    private static void checkReferences(Map<Program, ProgramCriteria> programs) {
        for (ProgramCriteria program : programs.values()) {
            for (ParameterRef ref : Rules.of(program.program()).parameters()) {
                if (!programs.containsKey(ref.program())) {
                    throw new IllegalArgumentException(program.file() + ": programs." + program.program()
                            + ": its rule reads " + ref + ", and no criteria file defines " + ref.program());
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file's programs, checked entry by entry; messages start with the file's name. */
    private record CriteriaFile(String file) {

        private static final Set<String> PROGRAM_KEYS = Set.of("name", "needs", "parameters");
        private static final Set<String> VALUE_KEYS = Set.of("from", "until", "value", "illustrative", "note");

        List<ProgramCriteria> programs(JsonNode tree) {
            if (!tree.isObject()) {
                throw problem("(file)", "must be a mapping with the key programs");
            }
            onlyKeys(tree, "(file)", Set.of("programs"));
            JsonNode programs = tree.get("programs");
            if (programs == null || !programs.isObject()) {
                throw problem("programs", "missing: the file must define programs");
            }
            List<ProgramCriteria> result = new ArrayList<>();
            programs.fields().forEachRemaining(entry -> result.add(program(entry.getKey(), entry.getValue())));
            return result;
        }

        private ProgramCriteria program(String key, JsonNode node) {
            String path = "programs." + key;
            Program program = Arrays.stream(Program.values())
                    .filter(p -> p.name().equals(key))
                    .findFirst()
                    .orElseThrow(
                            () -> problem(path, "unknown program (known: " + Arrays.toString(Program.values()) + ")"));
            if (!node.isObject()) {
                throw problem(path, "must be a mapping of name, needs and parameters");
            }
            onlyKeys(node, path, PROGRAM_KEYS);
            JsonNode name = node.get("name");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                throw problem(path + ".name", "missing");
            }
            return new ProgramCriteria(
                    program,
                    name.textValue(),
                    needs(path + ".needs", node.get("needs")),
                    parameters(program, path + ".parameters", node.get("parameters")),
                    file);
        }

        private Set<NeedCode> needs(String path, JsonNode node) {
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw problem(path, "missing: a list of the needs the program serves");
            }
            Set<NeedCode> needs = EnumSet.noneOf(NeedCode.class);
            for (int i = 0; i < node.size(); i++) {
                String need = node.get(i).asText();
                String at = path + "[" + i + "]";
                needs.add(Arrays.stream(NeedCode.values())
                        .filter(c -> c.name().equals(need))
                        .findFirst()
                        .orElseThrow(() -> problem(
                                at, "unknown need " + need + " (known: " + Arrays.toString(NeedCode.values()) + ")")));
            }
            return needs;
        }

        private Map<String, Parameter> parameters(Program program, String path, JsonNode node) {
            List<String> own = Rules.of(program).parameters().stream()
                    .filter(ref -> ref.program() == program)
                    .map(ParameterRef::name)
                    .toList();
            if (node != null && !node.isNull() && !node.isObject()) {
                throw problem(path, "must be a mapping of parameter names to their values");
            }
            Map<String, Parameter> parameters = new LinkedHashMap<>();
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(entry -> {
                    if (!own.contains(entry.getKey())) {
                        throw problem(
                                path + "." + entry.getKey(),
                                "unknown parameter (" + program + " reads: "
                                        + (own.isEmpty() ? "none of its own" : String.join(", ", own)) + ")");
                    }
                    parameters.put(
                            entry.getKey(),
                            new Parameter(entry.getKey(), values(path + "." + entry.getKey(), entry.getValue())));
                });
            }
            for (String name : own) {
                if (!parameters.containsKey(name)) {
                    throw problem(path + "." + name, "missing");
                }
            }
            return parameters;
        }

        private List<ParameterValue> values(String path, JsonNode node) {
            if (!node.isArray() || node.isEmpty()) {
                throw problem(path, "must be a list of values, each with its start date (from) and value");
            }
            List<ParameterValue> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                ParameterValue value = value(at, node.get(i));
                if (!values.isEmpty()) {
                    ParameterValue previous = values.get(values.size() - 1);
                    if (value.from().equals(previous.from())) {
                        throw problem(
                                at, "duplicate period: start date " + value.from() + " also at [" + (i - 1) + "]");
                    }
                    if (value.from().isBefore(previous.from())) {
                        throw problem(
                                at,
                                "start date " + value.from() + " is before that of [" + (i - 1)
                                        + "]; list values oldest first");
                    }
                    if (previous.until() != null && !previous.until().isBefore(value.from())) {
                        throw problem(
                                at,
                                "overlapping periods: starts " + value.from() + " while [" + (i - 1) + "] runs until "
                                        + previous.until());
                    }
                }
                values.add(value);
            }
            return values;
        }

        private ParameterValue value(String path, JsonNode node) {
            if (!node.isObject()) {
                throw problem(path, "must be a mapping with from and value");
            }
            onlyKeys(node, path, VALUE_KEYS);
            LocalDate from = date(path, node.get("from"), "start date");
            LocalDate until = node.hasNonNull("until") ? date(path, node.get("until"), "end date") : null;
            if (until != null && until.isBefore(from)) {
                throw problem(path, "end date " + until + " is before its start date " + from);
            }
            JsonNode value = node.get("value");
            if (value == null || value.isNull()) {
                throw problem(path, "value missing");
            }
            if (!value.isNumber()) {
                throw problem(path, "value " + value.asText() + " is not a number");
            }
            if (value.decimalValue().signum() < 0) {
                throw problem(path, "value " + value.decimalValue().toPlainString() + " is negative");
            }
            JsonNode illustrative = node.get("illustrative");
            if (illustrative != null && !illustrative.isBoolean()) {
                throw problem(path, "illustrative must be true or false");
            }
            return new ParameterValue(
                    value.decimalValue(), from, until, illustrative != null && illustrative.booleanValue());
        }

        private LocalDate date(String path, JsonNode node, String what) {
            if (node == null || node.isNull()) {
                throw problem(path, what + " missing");
            }
            try {
                return LocalDate.parse(node.asText());
            } catch (DateTimeParseException e) {
                throw problem(path, what + " '" + node.asText() + "' is not a date (YYYY-MM-DD)");
            }
        }

        private void onlyKeys(JsonNode node, String path, Set<String> known) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    throw problem(
                            path,
                            "unknown key '" + key + "' (known: "
                                    + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            });
        }

        private IllegalArgumentException problem(String path, String message) {
            return new IllegalArgumentException(file + ": " + path + ": " + message);
        }
    }
}
