package hotline.gateway.reporting;

import static hotline.gateway.reporting.SlaFixtureBuilder.at;
import static hotline.gateway.reporting.SlaFixtureBuilder.ticket;

import hotline.gateway.reporting.SlaFixtureBuilder.Office;
import hotline.gateway.reporting.SlaFixtureBuilder.TicketSpec;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twelve tickets received around March 2025 (far from other tests' data) in two districts, written once per test
 * database. The expected figures in SlaReportEndToEndTest are worked out by hand from this list; the rows are named
 * A1..A16 there. Ticket K10 (28 Feb) and K11 (1 Apr) lie just outside the period.
 */
final class SlaFixture {

    static final String FROM = "2025-03-01";
    static final String TO = "2025-03-31";

    static final Office TIANPING = new Office("TOWN", "310104003", "天平路街道", "310104");
    static final Office HUNAN = new Office("TOWN", "310104004", "湖南路街道", "310104");
    static final Office XUHUI_DESK = new Office("DISTRICT_DESK", "310104", "徐汇区", "310104");
    static final Office NANJING_EAST = new Office("TOWN", "310101002", "南京东路街道", "310101");
    /** A name with a comma and quotes, as CSV must quote it. */
    static final Office BUND = new Office("TOWN", "310101013", "外滩街道, \"滨江\"试点", "310101");

    static final Office CITY_DESK = new Office("CITY_DESK", "city", "市级派单中心", null);

    /** The offices' words: free text that may name people, which no report shows; reports count the codes. */
    static final String NOT_OURS = "不属本街道管辖，请联系居委 136-0000-1235";

    private static final String NOT_OURS_CODE = "NOT_OUR_JURISDICTION";
    private static final String WRONG_ADDRESS = "地址有误";
    private static final String WRONG_ADDRESS_CODE = "WRONG_ADDRESS";

    private SlaFixture() {}

    static synchronized void insertOnce(JdbcTemplate jdbc) {
        Integer present = jdbc.queryForObject(
                "SELECT count(*) FROM service_request WHERE source = 'HOTLINE' AND external_id = 'SLA-FIXTURE-K1'",
                Integer.class);
        if (present != null && present > 0) {
            return;
        }
        SlaFixtureBuilder builder = new SlaFixtureBuilder(jdbc);
        tickets().forEach(builder::insert);
    }

    static List<TicketSpec> tickets() {
        return List.of(
                // K1, at the first instant of the period: all on time, satisfied (A1).
                ticket("K1", at("03-01 00:00"), "ELDERLY_CARE", "CLOSED")
                        .assigned(TIANPING, "INTAKE", "03-03 09:00")
                        .target("SIGN", "03-03 11:00", "03-03 09:30", null, 30)
                        .target("CONTACT", "03-04 09:00", "03-03 10:00", null, 60)
                        .target("RESOLVE", "03-10 17:00", "03-05 15:00", null, 900)
                        .callback("SATISFIED", "03-06 10:00")
                        .ended("03-06 10:00", "CLOSED"),
                // K2: signed late and resolved late, both breached (escalated twice), basically satisfied (A2).
                ticket("K2", at("03-04 08:30"), "ELDERLY_CARE", "CLOSED")
                        .assigned(TIANPING, "INTAKE", "03-04 09:00")
                        .target("SIGN", "03-04 11:00", "03-04 14:00", "03-04 11:00", 300)
                        .target("CONTACT", "03-05 09:00", "03-04 15:00", null, 360)
                        .target("RESOLVE", "03-11 17:00", "03-12 10:00", "03-11 17:05", 2460)
                        .callback("BASICALLY_SATISFIED", "03-13 10:00")
                        .ended("03-13 10:00", "CLOSED"),
                // K3: an approved 5-day extension, resolved within it, dissatisfied (A3); reopened and overdue (A4).
                ticket("K3", at("03-05 08:30"), "SUBSISTENCE", "IN_PROGRESS")
                        .assigned(TIANPING, "INTAKE", "03-05 09:00")
                        .target("SIGN", "03-05 11:00", "03-05 10:00", null, 60)
                        .target("CONTACT", "03-06 09:00", "03-05 11:00", null, 120)
                        .target("RESOLVE", "03-19 17:00", "03-18 16:00", null, 3600)
                        .extensions(1, 0, 5)
                        .callback("DISSATISFIED", "03-19 10:00")
                        .ended("03-19 10:00", "REOPENED")
                        .assigned(TIANPING, "REOPEN", "03-19 10:00")
                        .target("RESOLVE", "03-26 17:00", null, "03-26 17:05", null),
                // K4: returned unsigned within the sign-for time (A5), reassigned on time by the desk (A6), done (A7).
                ticket("K4", at("03-06 08:30"), "MEDICAL", "CLOSED")
                        .assigned(HUNAN, "INTAKE", "03-06 09:00")
                        .target("SIGN", "03-06 11:00", null, null, null)
                        .target("CONTACT", "03-07 09:00", null, null, null)
                        .target("RESOLVE", "03-13 17:00", null, null, null)
                        .returned("03-06 10:00", NOT_OURS_CODE, NOT_OURS)
                        .assigned(XUHUI_DESK, "RETURN", "03-06 10:00")
                        .target("REASSIGN", "03-06 14:00", "03-06 11:00", null, 60)
                        .ended("03-06 11:00", "REASSIGNED")
                        .assigned(TIANPING, "REASSIGN", "03-06 11:00")
                        .target("SIGN", "03-06 13:00", "03-06 11:30", null, 30)
                        .target("CONTACT", "03-07 11:00", "03-06 14:00", null, 180)
                        .target("RESOLVE", "03-13 17:00", "03-10 12:00", null, 1200)
                        .callback("SATISFIED", "03-11 10:00")
                        .ended("03-11 10:00", "CLOSED"),
                // K5: signed, then returned (A8); the desk has not reassigned it, breached and open (A9).
                ticket("K5", at("03-07 08:30"), "HOUSING", "RETURNED")
                        .assigned(HUNAN, "INTAKE", "03-07 09:00")
                        .target("SIGN", "03-07 11:00", "03-07 10:00", null, 60)
                        .target("CONTACT", "03-10 09:00", null, null, null)
                        .target("RESOLVE", "03-14 17:00", null, null, null)
                        .returned("03-07 15:00", WRONG_ADDRESS_CODE, WRONG_ADDRESS)
                        .assigned(XUHUI_DESK, "RETURN", "03-07 15:00")
                        .target("REASSIGN", "03-10 11:00", null, "03-10 11:05", null),
                // K6: on time, an extension rejected, resolved and waiting for its callback (A10).
                ticket("K6", at("03-10 08:30"), "ELDERLY_CARE", "RESOLVED")
                        .assigned(NANJING_EAST, "INTAKE", "03-10 09:00")
                        .target("SIGN", "03-10 11:00", "03-10 09:20", null, 20)
                        .target("CONTACT", "03-11 09:00", "03-10 09:45", null, 45)
                        .target("RESOLVE", "03-17 17:00", "03-12 16:00", null, 1200)
                        .extensions(0, 1, 0),
                // K7: signed, then nothing: contact and resolution past due, not yet swept (A11).
                ticket("K7", at("03-11 08:30"), "SUBSISTENCE", "SIGNED")
                        .assigned(NANJING_EAST, "INTAKE", "03-11 09:00")
                        .target("SIGN", "03-11 11:00", "03-11 10:00", null, 60)
                        .target("CONTACT", "03-12 09:00", null, null, null)
                        .target("RESOLVE", "03-18 17:00", null, null, null),
                // K8: urgent; contact late (breached), resolved on time but dissatisfied (A12), reopened, done (A13).
                ticket("K8", at("03-12 08:30"), "EMERGENCY", "CLOSED")
                        .urgent()
                        .assigned(BUND, "INTAKE", "03-12 09:00")
                        .target("SIGN", "03-12 09:30", "03-12 09:20", null, 20)
                        .target("CONTACT", "03-12 11:00", "03-12 13:00", "03-12 11:05", 240)
                        .target("RESOLVE", "03-14 17:00", "03-13 17:00", null, 960)
                        .callback("DISSATISFIED", "03-14 10:00")
                        .ended("03-14 10:00", "REOPENED")
                        .assigned(BUND, "REOPEN", "03-14 10:00")
                        .target("RESOLVE", "03-17 17:00", "03-17 12:00", null, 1320)
                        .callback("SATISFIED", "03-18 10:00")
                        .ended("03-18 10:00", "CLOSED"),
                // K9: the city desk reassigns on time (A14); the town resolves late (breached) (A15).
                ticket("K9", at("03-13 08:00"), "OTHER", "CLOSED")
                        .assigned(CITY_DESK, "INTAKE", "03-13 08:01")
                        .target("REASSIGN", "03-13 12:00", "03-13 10:00", null, 60)
                        .ended("03-13 10:00", "REASSIGNED")
                        .assigned(BUND, "REASSIGN", "03-13 10:00")
                        .target("SIGN", "03-13 12:00", "03-13 11:00", null, 90)
                        .target("CONTACT", "03-14 10:00", "03-13 11:30", null, 90)
                        .target("RESOLVE", "03-20 17:00", "03-21 10:00", "03-20 17:05", 2040)
                        .callback("BASICALLY_SATISFIED", "03-24 10:00")
                        .ended("03-24 10:00", "CLOSED"),
                // K12, at the last minute of the period: nothing done, every target past due (A16).
                ticket("K12", at("03-31 23:59"), "DISABILITY", "DISPATCHED")
                        .assigned(NANJING_EAST, "INTAKE", "04-01 09:00")
                        .target("SIGN", "04-01 11:00", null, null, null)
                        .target("CONTACT", "04-02 09:00", null, null, null)
                        .target("RESOLVE", "04-08 17:00", null, null, null),
                // Outside the period: K10 a second before it, K11 at the first instant after it.
                ticket("K10", OffsetDateTime.parse("2025-02-28T23:59:59+08:00"), "ELDERLY_CARE", "CLOSED")
                        .assigned(TIANPING, "INTAKE", "03-03 09:00")
                        .target("SIGN", "03-03 11:00", "03-03 09:10", null, 10)
                        .target("CONTACT", "03-04 09:00", "03-03 09:20", null, 20)
                        .target("RESOLVE", "03-10 17:00", "03-04 09:00", null, 480)
                        .callback("SATISFIED", "03-05 10:00")
                        .ended("03-05 10:00", "CLOSED"),
                ticket("K11", at("04-01 00:00"), "ELDERLY_CARE", "CLOSED")
                        .assigned(NANJING_EAST, "INTAKE", "04-01 09:00")
                        .target("SIGN", "04-01 11:00", "04-01 09:10", null, 10)
                        .target("CONTACT", "04-02 09:00", "04-01 09:20", null, 20)
                        .target("RESOLVE", "04-08 17:00", "04-02 09:00", null, 480)
                        .callback("SATISFIED", "04-03 10:00")
                        .ended("04-03 10:00", "CLOSED"));
    }
}
