package hotline.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic calls for the end-to-end benchmark, each with a location hint that spreads them over the towns' queues
 * (an address naming the town, a town code) or none (the city desk), and a new call id each time. Two mixes:
 * <ul>
 *   <li>{@code samples} (default): the 50 sample call records (Chinese and English, every need, a few the dictionary
 *       is unsure about), with their callers, identity numbers and household facts;
 *   <li>{@code corpus}: the 1,111 texts of the labelled corpus, written to be hard for the dictionary (colloquial,
 *       third-party, second-language English), so that the semantic stage reads many of them.
 * </ul>
 */
final class BenchCalls {

    private final ObjectMapper json = new ObjectMapper();
    private final String mix;
    private final List<ObjectNode> records;
    private final List<String[]> towns;
    private final Set<String> queues;
    private final AtomicLong counter = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private BenchCalls(String mix, List<ObjectNode> records, List<String[]> towns, Set<String> queues) {
        this.mix = mix;
        this.records = records;
        this.towns = towns;
        this.queues = queues;
    }

    /** @param mix {@code samples} or {@code corpus} */
    static BenchCalls load(Path project, String mix) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ObjectNode> records = new ArrayList<>();
        Path file = switch (mix) {
            case "samples" -> project.resolve("src/test/resources/samples/sample-calls.jsonl");
            case "corpus" -> project.resolve("config/classification/labelled-calls.jsonl");
            default -> throw new IllegalArgumentException("mix must be samples or corpus, not " + mix);
        };
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                records.add(record((ObjectNode) json.readTree(line), json));
            }
        }
        List<String[]> towns = new ArrayList<>();
        Set<String> queues = new LinkedHashSet<>();
        queues.add("triage.city");
        List<String> rows = Files.readAllLines(project.resolve("config/jurisdictions.csv"), StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            // district code, district name, town code, town name
            towns.add(new String[] {cells[0], cells[1], cells[2], cells[3]});
            queues.add("tickets." + cells[2]);
            queues.add("triage." + cells[0]);
        }
        return new BenchCalls(mix, records, towns, queues);
    }

    /** What a call takes from a line: a sample's content, caller and household; a corpus line's text. */
    private static ObjectNode record(ObjectNode line, ObjectMapper json) {
        ObjectNode record = json.createObjectNode();
        if (line.has("content")) {
            record.set("content", line.get("content"));
            record.set("caller", line.get("caller"));
            if (line.hasNonNull("household")) {
                record.set("household", line.get("household"));
            }
        } else {
            record.put("content", line.path("text").asText());
        }
        return record;
    }

    String mix() {
        return mix;
    }

    int size() {
        return records.size();
    }

    Set<String> queues() {
        return queues;
    }

    /** The next call's JSON body, received now. */
    String next(java.time.OffsetDateTime now) {
        long n = counter.incrementAndGet();
        String[] town = towns.get((int) (n * 7919 % towns.size()));
        ObjectNode call = json.createObjectNode();
        call.put("callId", "BENCH-" + run + "-" + n);
        call.put("receivedAt", now.withNano(0).toString());
        call.put("channel", "PHONE");
        ObjectNode record = records.get((int) (n % records.size()));
        if (record.has("caller")) {
            call.set("caller", record.get("caller"));
        } else {
            ObjectNode caller = call.putObject("caller");
            caller.put("name", "测试");
            caller.put("phone", "138" + String.format("%08d", n % 100_000_000));
        }
        ObjectNode location = call.putObject("location");
        switch ((int) (n % 10)) {
            case 0 -> call.remove("location");
            case 1, 2 -> location.put("townCode", town[2]);
            default -> location.put("address", town[1] + town[3] + (n % 300 + 1) + "号");
        }
        call.set("content", record.get("content"));
        call.put("urgent", false);
        if (record.has("household")) {
            call.set("household", record.get("household"));
        } else if (n % 3 == 0) {
            ObjectNode household = call.putObject("household");
            household.put("size", 2);
            household.put("monthlyIncome", 1000 + n % 3000);
            household.putArray("members").addObject().put("age", 60 + n % 30);
        }
        try {
            return json.writeValueAsString(call);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
