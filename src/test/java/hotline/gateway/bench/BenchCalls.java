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
 * Realistic calls for the end-to-end benchmark: the texts of the project's labelled corpus (Chinese, English and
 * mixed, every need, some the dictionary is unsure about), each with a location hint that spreads them over the
 * towns' queues (an address naming the town, a town code) or none (the city desk), and a new call id each time.
 */
final class BenchCalls {

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> texts;
    private final List<String[]> towns;
    private final Set<String> queues;
    private final AtomicLong counter = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private BenchCalls(List<String> texts, List<String[]> towns, Set<String> queues) {
        this.texts = texts;
        this.towns = towns;
        this.queues = queues;
    }

    static BenchCalls load(Path project) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(
                project.resolve("config/classification/labelled-calls.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                texts.add(json.readTree(line).path("text").asText());
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
        return new BenchCalls(texts, towns, queues);
    }

    int size() {
        return texts.size();
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
        ObjectNode caller = call.putObject("caller");
        caller.put("name", "测试");
        caller.put("phone", "138" + String.format("%08d", n % 100_000_000));
        ObjectNode location = call.putObject("location");
        switch ((int) (n % 10)) {
            case 0 -> call.remove("location");
            case 1, 2 -> location.put("townCode", town[2]);
            default -> location.put("address", town[1] + town[3] + (n % 300 + 1) + "号");
        }
        call.put("content", texts.get((int) (n % texts.size())));
        call.put("urgent", false);
        if (n % 3 == 0) {
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
