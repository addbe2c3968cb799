import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes the jurisdiction-dependent parts of the Artemis configuration from a CSV of towns:
 * <ul>
 *   <li>{@code security-settings.xml}: who may do what on which address (an office reads only its own
 *       {@code tickets.<town>} queue, a district desk only its {@code triage.<district>} and
 *       {@code escalations.<district>} queues, the city desk {@code triage.city}; the gateway everything;
 *       offices and desks may send to {@code ticket-events} and read the results of their events on
 *       {@code ticket-results.<office>} (their own only);</li>
 *   <li>{@code addresses.xml}: every queue declared up front (results queues too), so an office can start
 *       listening before its first ticket is dispatched (it has no right to create queues itself); on the multicast address
 *       {@code ticket-updates}, the hotline system's durable subscription queue {@code ticket-updates.hotline},
 *       which clients of every protocol read by its fully qualified name
 *       {@code ticket-updates::ticket-updates.hotline}.</li>
 * </ul>
 * broker.xml pulls both in with {@code xi:include}; the same files serve the embedded and the standalone broker.
 *
 * <p>Run from the project root whenever the list of towns changes (plain JDK 17, no build needed):
 * <pre>
 *   java tools/GenerateBrokerJurisdictions.java [towns.csv] [output dir]
 * </pre>
 * Defaults: {@code config/jurisdictions.csv} (or {@code ../shared/data/shanghai-divisions.csv} while that file
 * does not exist) and {@code config/artemis}. The CSV needs a header naming the columns {@code district_code}
 * and {@code town_code}; other columns are ignored. Codes are the national statistical division codes
 * (district 6 digits, town 9 digits).
 */
public final class GenerateBrokerJurisdictions {

    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{6}");
    private static final Pattern TOWN_CODE = Pattern.compile("\\d{9}");

    static final String GATEWAY = "gateway";
    static final String CITY_DESK = "desk-city";
    static final String HOTLINE = "hotline";
    /**
     * The hotline system's subscription to ticket-updates: declared durable, so it collects every update while the
     * hotline is away, whatever protocol it reads with (a STOMP or AMQP subscriber could not make its own queue on
     * the address without the right to create addresses).
     */
    static final String HOTLINE_SUBSCRIPTION = "ticket-updates.hotline";
    /** Where the gateway answers each event an office sent on ticket-events: ticket-results.<office code>. */
    static final String RESULTS_PREFIX = "ticket-results.";
    /**
     * Nobody but the gateway may make temporary queues (one-word UUID addresses, which only "*" or "#" select): an
     * office's or desk's right there would reach every one-word address. Offices read results on their own
     * ticket-results queue. The broker's own one-word addresses are listed to keep them the gateway's.
     */
    private static final List<String> SINGLE_WORD_ADDRESSES = List.of("DLQ", "ExpiryQueue");
    /** A subscriber to a multicast address makes its own (durable or not) subscription queue. */
    private static final List<String> SUBSCRIBER_PERMISSIONS = List.of("send", "consume", "browse",
            "createNonDurableQueue", "deleteNonDurableQueue", "createDurableQueue", "deleteDurableQueue");

    /**
     * What is granted on a work queue: the gateway sends, reads and (re)creates it; the office or desk reads it.
     * Nobody deletes it. A type not listed is granted to nobody (security settings do not merge).
     */
    private static final List<String> ADDRESS_PERMISSIONS = List.of(
            "send", "consume", "browse", "createAddress", "createDurableQueue");

    /** Every permission type of Artemis 2.40 (manage, view, edit concern the management address and API). */
    private static final List<String> ALL_PERMISSIONS = List.of(
            "send", "consume", "browse", "createAddress", "deleteAddress",
            "createDurableQueue", "deleteDurableQueue", "createNonDurableQueue", "deleteNonDurableQueue",
            "manage", "view", "edit");

    private GenerateBrokerJurisdictions() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = args.length > 0 ? Path.of(args[0]) : defaultCsv();
        Path outDir = args.length > 1 ? Path.of(args[1]) : Path.of("config", "artemis");
        Map<String, TreeSet<String>> townsByDistrict = readTowns(csv);
        int towns = townsByDistrict.values().stream().mapToInt(TreeSet::size).sum();
        String source = csv.getFileName().toString();

        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("security-settings.xml"), securitySettings(townsByDistrict, source),
                StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("addresses.xml"), addresses(townsByDistrict, source),
                StandardCharsets.UTF_8);
        System.out.printf("%d districts, %d towns from %s -> %s/{security-settings.xml,addresses.xml}%n",
                townsByDistrict.size(), towns, csv, outDir);
    }

    private static Path defaultCsv() {
        Path jurisdictions = Path.of("config", "jurisdictions.csv");
        return Files.exists(jurisdictions) ? jurisdictions : Path.of("..", "shared", "data", "shanghai-divisions.csv");
    }

    static Map<String, TreeSet<String>> readTowns(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty");
        }
        List<String> header = cells(stripBom(lines.get(0))).stream().map(String::trim).toList();
        int districtColumn = header.indexOf("district_code");
        int townColumn = header.indexOf("town_code");
        if (districtColumn < 0 || townColumn < 0) {
            throw new IllegalArgumentException(csv + ": header needs district_code and town_code, has " + header);
        }
        Map<String, TreeSet<String>> townsByDistrict = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() <= Math.max(districtColumn, townColumn)) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": too few columns");
            }
            String district = cells.get(districtColumn).trim();
            String town = cells.get(townColumn).trim();
            if (!DISTRICT_CODE.matcher(district).matches() || !TOWN_CODE.matcher(town).matches()
                    || !town.startsWith(district)) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": bad codes " + district + "/" + town);
            }
            townsByDistrict.computeIfAbsent(district, d -> new TreeSet<>()).add(town);
        }
        return townsByDistrict;
    }

    /** The cells of one CSV line (RFC 4180 quoting, no line breaks inside a cell). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static String securitySettings(Map<String, TreeSet<String>> townsByDistrict, String source) {
        StringBuilder xml = new StringBuilder();
        header(xml, source, "security-settings");
        xml.append("<security-settings xmlns=\"urn:activemq:core\">\n");
        xml.append("""

                   <!-- Security settings do not merge: the most specific match wins whole, so every
                        setting below names the gateway again. Unlisted addresses fall back to "#". -->
                   <security-setting match="#">
                """);
        for (String permission : ALL_PERMISSIONS) {
            permission(xml, permission, GATEWAY);
        }
        xml.append("   </security-setting>\n");

        List<String> eventSenders = new ArrayList<>();
        eventSenders.add(GATEWAY);
        townsByDistrict.values().forEach(towns -> towns.forEach(town -> eventSenders.add("office-" + town)));
        townsByDistrict.keySet().forEach(district -> eventSenders.add("desk-" + district));
        eventSenders.add(CITY_DESK);
        xml.append("""

                   <!-- Offices and desks report sign-for, progress, returns and resolutions here;
                        only the gateway reads. -->
                   <security-setting match="ticket-events">
                """);
        for (String permission : ADDRESS_PERMISSIONS) {
            permission(xml, permission, permission.equals("send") ? String.join(",", eventSenders) : GATEWAY);
        }
        xml.append("   </security-setting>\n");

        xml.append("""

                   <!-- Every change of a ticket, multicast: the gateway publishes, the hotline system subscribes: it
                        reads its durable queue ticket-updates::ticket-updates.hotline (addresses.xml) over any
                        protocol, or makes its own subscription queue over CORE/JMS. -->
                   <security-setting match="ticket-updates">
                """);
        for (String permission : SUBSCRIBER_PERMISSIONS) {
            permission(xml, permission, permission.equals("send") ? GATEWAY : GATEWAY + "," + HOTLINE);
        }
        xml.append("   </security-setting>\n");

        xml.append("   <!-- The broker's own one-word addresses: the gateway only, as \"#\". -->\n");
        for (String address : SINGLE_WORD_ADDRESSES) {
            xml.append("   <security-setting match=\"").append(address).append("\">\n");
            for (String permission : ALL_PERMISSIONS) {
                permission(xml, permission, GATEWAY);
            }
            xml.append("   </security-setting>\n");
        }

        xml.append("\n   <!-- City dispatch desk -->\n");
        readerSetting(xml, "triage.city", CITY_DESK);
        readerSetting(xml, "escalations.city", CITY_DESK);
        readerSetting(xml, RESULTS_PREFIX + "city", CITY_DESK);
        for (Map.Entry<String, TreeSet<String>> district : townsByDistrict.entrySet()) {
            String code = district.getKey();
            xml.append("\n   <!-- District ").append(code).append(": dispatch desk, then one office per town -->\n");
            readerSetting(xml, "triage." + code, "desk-" + code);
            readerSetting(xml, "escalations." + code, "desk-" + code);
            readerSetting(xml, RESULTS_PREFIX + code, "desk-" + code);
            for (String town : district.getValue()) {
                readerSetting(xml, "tickets." + town, "office-" + town);
                readerSetting(xml, RESULTS_PREFIX + town, "office-" + town);
            }
        }
        xml.append("</security-settings>\n");
        return xml.toString();
    }

    /** The gateway sends, reads and creates; the reader may consume and browse, nothing else. */
    private static void readerSetting(StringBuilder xml, String address, String readerRole) {
        xml.append("   <security-setting match=\"").append(address).append("\">\n");
        for (String permission : ADDRESS_PERMISSIONS) {
            boolean reads = permission.equals("consume") || permission.equals("browse");
            permission(xml, permission, reads ? GATEWAY + "," + readerRole : GATEWAY);
        }
        xml.append("   </security-setting>\n");
    }

    private static void permission(StringBuilder xml, String type, String roles) {
        xml.append("      <permission type=\"").append(type).append("\" roles=\"").append(roles).append("\"/>\n");
    }

    static String addresses(Map<String, TreeSet<String>> townsByDistrict, String source) {
        StringBuilder xml = new StringBuilder();
        header(xml, source, "addresses");
        xml.append("<addresses xmlns=\"urn:activemq:core\">\n");
        anycast(xml, "DLQ");
        anycast(xml, "ExpiryQueue");
        anycast(xml, "ticket-events");
        anycast(xml, "triage.city");
        anycast(xml, "escalations.city");
        anycast(xml, RESULTS_PREFIX + "city");
        xml.append("   <!-- The hotline system's durable subscription: every update waits here until the hotline reads it. -->\n");
        xml.append("   <address name=\"ticket-updates\"><multicast><queue name=\"").append(HOTLINE_SUBSCRIPTION)
                .append("\"/></multicast></address>\n");
        for (Map.Entry<String, TreeSet<String>> district : townsByDistrict.entrySet()) {
            anycast(xml, "triage." + district.getKey());
            anycast(xml, "escalations." + district.getKey());
            anycast(xml, RESULTS_PREFIX + district.getKey());
            for (String town : district.getValue()) {
                anycast(xml, "tickets." + town);
                anycast(xml, RESULTS_PREFIX + town);
            }
        }
        xml.append("</addresses>\n");
        return xml.toString();
    }

    private static void anycast(StringBuilder xml, String name) {
        xml.append("   <address name=\"").append(name).append("\"><anycast><queue name=\"").append(name)
                .append("\"/></anycast></address>\n");
    }

    private static void header(StringBuilder xml, String source, String what) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!-- GENERATED by tools/GenerateBrokerJurisdictions.java from ").append(source)
                .append(": do not edit by hand, run the tool again.\n")
                .append("     Included into broker.xml (").append(what).append(") by xi:include. -->\n");
    }
}
