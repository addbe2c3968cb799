package hotline.gateway.bench;

import hotline.gateway.outreach.ResidentIds;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic department feeds for the outreach benchmark: a population of {@code persons} in {@code households}
 * households spread over the towns of config/jurisdictions.csv (ten communities each), and the five other feeds
 * over parts of it at rates a district might see (3% on assistance, 15% chronically ill, 40% with a pension, 12%
 * students, 3% disabled). Seeded: the same sizes give the same files.
 *
 * <p>Run alone: {@code java ... OutreachFeedGenerator <dir> <persons> <households>}.
 */
public final class OutreachFeedGenerator {

    private OutreachFeedGenerator() {}

    public static void main(String[] args) throws IOException {
        generate(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), LocalDate.parse("2026-11-30"));
    }

    public static void generate(Path dir, int persons, int households, LocalDate snapshot) throws IOException {
        Files.createDirectories(dir);
        List<String> towns = towns();
        Random random = new Random(12345);
        String date = snapshot.toString();
        try (BufferedWriter population = writer(
                        dir,
                        "population",
                        date,
                        "id_number,household_no,community_code,address,living_alone,name,phone");
                BufferedWriter civil = writer(dir, "civil-affairs", date, "id_number,program,since,assessed_income");
                BufferedWriter health = writer(
                        dir,
                        "health",
                        date,
                        "id_number,chronic_illness,severe_illness,hospital_days,out_of_pocket,period_months");
                BufferedWriter hr =
                        writer(dir, "hr-social-security", date, "id_number,registered_unemployed,pension,benefits");
                BufferedWriter education =
                        writer(dir, "education", date, "id_number,student,fee_waiver,monthly_costs");
                BufferedWriter disability = writer(dir, "disability", date, "id_number,grade")) {
            int person = 0;
            for (int h = 0; h < households; h++) {
                int remainingHouseholds = households - h;
                int remainingPersons = persons - person;
                int size = h == households - 1
                        ? remainingPersons
                        : Math.max(1, Math.min(remainingPersons - (remainingHouseholds - 1), 1 + random.nextInt(4)));
                String town = towns.get(h % towns.size());
                String community = town + String.format("%03d", 1 + random.nextInt(10));
                String household = "H" + h;
                String address = "测试路" + (h % 999 + 1) + "弄" + (h % 77 + 1) + "号";
                boolean assistance = random.nextInt(100) < 3;
                boolean poor = random.nextInt(100) < 5;
                for (int m = 0; m < size; m++, person++) {
                    int age = m == 0 ? 25 + random.nextInt(70) : random.nextInt(90);
                    LocalDate birth = snapshot.minusYears(age).minusDays(random.nextInt(360));
                    String id = ResidentIds.of(
                            String.valueOf(310100 + (person % 20)),
                            birth.toString().replace("-", ""),
                            person % 1000);
                    // The serial and area make the number unique within a run of this size.
                    id = unique(id, person);
                    population.write(id + "," + household + "," + community + "," + address + ","
                            + (size == 1) + ",居民" + person + "," + (m == 0 ? "136" + String.format("%08d", person) : "")
                            + "\n");
                    if (assistance && m == 0) {
                        String program = switch (random.nextInt(4)) {
                            case 0 -> "低收入";
                            case 1 -> "特困";
                            case 2 -> "临时救助";
                            default -> "低保";
                        };
                        civil.write(id + "," + program + ",2025-01-01," + (800 * size + random.nextInt(1500)) + "\n");
                    }
                    boolean chronic = random.nextInt(100) < (age >= 60 ? 35 : 5);
                    boolean severe = random.nextInt(100) < 1;
                    if (chronic || severe) {
                        health.write(id + "," + chronic + "," + severe + "," + random.nextInt(40) + ","
                                + (random.nextInt(100) < 10 ? 6000 + random.nextInt(30000) : random.nextInt(3000))
                                + ",12\n");
                    }
                    if (age >= 60) {
                        int pension = poor ? 600 + random.nextInt(900) : 3000 + random.nextInt(6000);
                        hr.write(id + ",false," + pension + ",\n");
                    } else if (age >= 18 && random.nextInt(100) < 40) {
                        boolean unemployed = poor || random.nextInt(100) < 4;
                        int benefits = unemployed ? 500 + random.nextInt(800) : 5000 + random.nextInt(9000);
                        hr.write(id + "," + unemployed + ",," + benefits + "\n");
                    }
                    if (age >= 6 && age <= 22 && random.nextInt(100) < 80) {
                        education.write(id + ",true," + (random.nextInt(100) < 5) + "," + random.nextInt(800) + "\n");
                    }
                    if (random.nextInt(100) < 3) {
                        disability.write(id + "," + (1 + random.nextInt(4)) + "\n");
                    }
                }
            }
        }
    }

    /** Distinct ID numbers for up to 20,000,000 persons: area and serial vary with the index, the date with the age. */
    private static String unique(String id, int person) {
        String area = String.valueOf(110000 + (person / 1000) % 890000);
        String body = area + id.substring(6, 14) + String.format("%03d", person % 1000);
        return ResidentIds.of(body.substring(0, 6), body.substring(6, 14), person % 1000);
    }

    private static BufferedWriter writer(Path dir, String feed, String date, String header) throws IOException {
        BufferedWriter writer =
                Files.newBufferedWriter(dir.resolve(feed + "-" + date + ".csv"), StandardCharsets.UTF_8);
        writer.write(header + "\n");
        return writer;
    }

    private static List<String> towns() throws IOException {
        List<String> towns = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("config/jurisdictions.csv"))) {
            String[] cells = line.split(",");
            if (cells.length > 2 && cells[2].matches("[0-9]{9}")) {
                towns.add(cells[2]);
            }
        }
        return towns;
    }
}
