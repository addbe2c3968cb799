package hotline.gateway.outreach;

import hotline.gateway.outreach.rules.SqlPredicate;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the register from the latest snapshot of each feed, set-based: persons with their facts (staged), households
 * with their aggregates, labels and a hash of their facts (staged), persons again with their labels, and the
 * households upserted; a household whose facts did not change is not written. Callers run it in one transaction; the
 * work tables are filled on connections of their own.
 */
public class RegisterRepository {

    /** Each feed's latest snapshot: the department's current picture. */
    private static final String LATEST = """
            latest AS (SELECT feed, max(snapshot_date) AS d FROM outreach_snapshot GROUP BY feed),
            facts AS NOT MATERIALIZED (
                SELECT f.* FROM outreach_fact f JOIN latest l ON l.feed = f.feed AND l.d = f.snapshot_date)
            """;

    /*
     * The other departments' facts per person in one hash aggregate (a FILTER per department) rather than one
     * aggregate and one join per department: one pass over the facts. Civil affairs stays apart: its DISTINCT
     * aggregate cannot be hashed, and it is small.
     */
    private static final String STAGE_PERSONS = "WITH " + LATEST + """
            , civ AS (
                SELECT person, array_agg(DISTINCT program) AS programs, max(assessed_income) AS assessed_income
                FROM facts WHERE feed = 'civil-affairs' AND since <= ? AND (until IS NULL OR until >= ?) AND %1$s
                GROUP BY person
            ), dep AS (
                SELECT person,
                       bool_or(chronic_illness) FILTER (WHERE feed = 'health') AS chronic_illness,
                       bool_or(severe_illness) FILTER (WHERE feed = 'health') AS severe_illness,
                       sum(hospital_days) FILTER (WHERE feed = 'health') AS hospital_days,
                       sum(medical_costs_monthly) FILTER (WHERE feed = 'health') AS medical_costs_monthly,
                       bool_or(unemployed) FILTER (WHERE feed = 'hr-social-security') AS unemployed,
                       sum(pension) FILTER (WHERE feed = 'hr-social-security') AS pension,
                       sum(benefits) FILTER (WHERE feed = 'hr-social-security') AS benefits,
                       bool_or(employment_assistance) FILTER (WHERE feed = 'hr-social-security')
                           AS employment_assistance,
                       bool_or(coalesce(student, true)) FILTER (WHERE feed = 'education') AS student,
                       bool_or(fee_waiver) FILTER (WHERE feed = 'education') AS fee_waiver,
                       bool_or(education_grant) FILTER (WHERE feed = 'education') AS education_grant,
                       sum(education_costs_monthly) FILTER (WHERE feed = 'education') AS education_costs_monthly,
                       min(disability_grade) FILTER (WHERE feed = 'disability') AS disability_grade
                FROM facts WHERE feed IN ('health', 'hr-social-security', 'education', 'disability') AND %1$s
                GROUP BY person
            )
            INSERT INTO outreach_person_stage (person, household, age, living_alone, community_code, town_code,
                district_code, address, name, phone, programs, assessed_income, chronic_illness, severe_illness,
                hospital_days, medical_costs_monthly, unemployed, pension, benefits, employment_assistance, student,
                fee_waiver, education_grant, education_costs_monthly, disability_grade)
            SELECT p.person, p.household, extract(year FROM age(?, p.birth_date))::integer,
                   coalesce(p.living_alone, false), p.community_code, p.town_code, left(p.town_code, 6), p.address,
                   p.name, p.phone, coalesce(civ.programs, '{}'), civ.assessed_income,
                   coalesce(dep.chronic_illness, false), coalesce(dep.severe_illness, false), dep.hospital_days,
                   dep.medical_costs_monthly, coalesce(dep.unemployed, false), dep.pension, dep.benefits,
                   coalesce(dep.employment_assistance, false), coalesce(dep.student, false),
                   coalesce(dep.fee_waiver, false), coalesce(dep.education_grant, false), dep.education_costs_monthly,
                   dep.disability_grade
            FROM facts p
            LEFT JOIN civ ON civ.person = p.person
            LEFT JOIN dep ON dep.person = p.person
            WHERE p.feed = 'population' AND %2$s
            ON CONFLICT DO NOTHING
            """;

    /*
     * A part's households with their aggregates, then their labels: the household's own and every member's (a
     * member's labels may read the household's facts, so they are worked out here from the staged persons and again
     * when the persons are written), and the hash of the facts that decides whether a household is written again.
     */
    private static final String STAGE_HOUSEHOLDS = """
            WITH h AS MATERIALIZED (
                -- In the work table's types, which the labels and the hash read (a sum of none is 0.00, not 0).
                SELECT a.household AS key, a.community_code, a.town_code, a.district_code, a.address,
                       a.size::integer AS size, a.minors::integer AS minors, a.elderly::integer AS elderly, a.members,
                       (CASE WHEN a.assessed IS NOT NULL THEN a.assessed WHEN a.has_hr THEN a.lower_bound END)
                           ::numeric(12, 2) AS income,
                       CASE WHEN a.assessed IS NOT NULL THEN 'ASSESSED' WHEN a.has_hr THEN 'LOWER_BOUND' END
                           AS income_source,
                       round(CASE WHEN a.assessed IS NOT NULL THEN a.assessed WHEN a.has_hr THEN a.lower_bound END
                             / a.size, 2)::numeric(12, 2) AS per_capita_income,
                       a.medical::numeric(12, 2) AS medical_costs_monthly,
                       a.education::numeric(12, 2) AS education_costs_monthly, a.receives
                FROM (
                    SELECT household, min(community_code) AS community_code, min(town_code) AS town_code,
                           min(district_code) AS district_code, min(address) AS address, count(*) AS size,
                           count(*) FILTER (WHERE age < 18) AS minors, count(*) FILTER (WHERE age >= 60) AS elderly,
                           jsonb_agg(jsonb_build_object('age', age, 'disabilityGrade', disability_grade,
                                     'chronicIllness', chronic_illness OR severe_illness, 'unemployed', unemployed,
                                     'student', student) ORDER BY age DESC NULLS LAST, person) AS members,
                           max(assessed_income) AS assessed,
                           sum(coalesce(pension, 0) + coalesce(benefits, 0)) AS lower_bound,
                           bool_and(age < 18 OR pension IS NOT NULL OR benefits IS NOT NULL) AS has_hr,
                           sum(coalesce(medical_costs_monthly, 0)) AS medical,
                           sum(coalesce(education_costs_monthly, 0)) AS education,
                           array_remove(ARRAY[
                               CASE WHEN bool_or('SUBSISTENCE_ALLOWANCE' = ANY(programs)) THEN 'SUBSISTENCE_ALLOWANCE' END,
                               CASE WHEN bool_or('LOW_INCOME_FAMILY' = ANY(programs)) THEN 'LOW_INCOME_FAMILY' END,
                               CASE WHEN bool_or('SPECIAL_HARDSHIP' = ANY(programs)) THEN 'SPECIAL_HARDSHIP' END,
                               CASE WHEN bool_or('TEMPORARY_ASSISTANCE' = ANY(programs)) THEN 'TEMPORARY_ASSISTANCE' END,
                               CASE WHEN bool_or(fee_waiver OR education_grant) THEN 'EDUCATION_ASSISTANCE' END,
                               CASE WHEN bool_or(employment_assistance) THEN 'EMPLOYMENT_ASSISTANCE' END
                           ]::text[], NULL) AS receives
                    FROM outreach_person_stage WHERE %1$s GROUP BY household
                ) a
            ), pl AS (
                SELECT p.household, array_agg(DISTINCT l) AS labels
                FROM outreach_person_stage p JOIN h ON h.key = p.household, unnest(%2$s) l
                WHERE %4$s -- implied by the join, but it keeps the hash to the part's persons
                GROUP BY p.household
            ), x AS (
                SELECT h.*,
                       ARRAY(SELECT DISTINCT l COLLATE "C" FROM unnest(%3$s || coalesce(pl.labels, '{}')) l ORDER BY 1)
                           AS labels
                FROM h LEFT JOIN pl ON pl.household = h.key
                OFFSET 0 -- a fence: flattened, the labels would be computed twice per row (for labels and the hash)
            )
            INSERT INTO outreach_household_stage (key, community_code, town_code, district_code, address, size, minors,
                elderly, members, income, income_source, per_capita_income, medical_costs_monthly,
                education_costs_monthly, receives, labels, facts_hash)
            SELECT x.*, md5(concat_ws('|', x.community_code, x.address, x.size, x.members::text, x.income,
                                      x.income_source, x.medical_costs_monthly, x.education_costs_monthly,
                                      x.receives::text, x.labels::text))
            FROM x
            """;

    private static final String PERSONS = """
            INSERT INTO outreach_person (person, household, age, living_alone, community_code, town_code, district_code,
                address, name, phone, programs, assessed_income, chronic_illness, severe_illness, hospital_days,
                medical_costs_monthly, unemployed, pension, benefits, employment_assistance, student, fee_waiver,
                education_grant, education_costs_monthly, disability_grade, labels)
            SELECT p.person, p.household, p.age, p.living_alone, p.community_code, p.town_code, p.district_code,
                   p.address, p.name, p.phone, p.programs, p.assessed_income, p.chronic_illness, p.severe_illness,
                   p.hospital_days, p.medical_costs_monthly, p.unemployed, p.pension, p.benefits,
                   p.employment_assistance, p.student, p.fee_waiver, p.education_grant, p.education_costs_monthly,
                   p.disability_grade, %s
            FROM outreach_person_stage p JOIN outreach_household_stage h ON h.key = p.household
            """;

    private static final String HOUSEHOLDS = """
            INSERT INTO outreach_household AS o (key, found_by, active, community_code, town_code, district_code,
                address, size, minors, elderly, members, income, income_source, per_capita_income,
                medical_costs_monthly, education_costs_monthly, receives, labels, facts_hash, updated_at)
            SELECT h.key, 'FEED', true, h.community_code, h.town_code, h.district_code, h.address, h.size, h.minors,
                   h.elderly, h.members, h.income, h.income_source, h.per_capita_income, h.medical_costs_monthly,
                   h.education_costs_monthly, h.receives, h.labels, h.facts_hash, ?
            FROM outreach_household_stage h
            ON CONFLICT (key) DO UPDATE SET
                found_by = 'FEED', active = true, community_code = excluded.community_code,
                town_code = excluded.town_code, district_code = excluded.district_code, address = excluded.address,
                size = excluded.size, minors = excluded.minors, elderly = excluded.elderly, members = excluded.members,
                income = excluded.income, income_source = excluded.income_source,
                per_capita_income = excluded.per_capita_income,
                medical_costs_monthly = excluded.medical_costs_monthly,
                education_costs_monthly = excluded.education_costs_monthly, receives = excluded.receives,
                labels = excluded.labels, facts_hash = excluded.facts_hash, updated_at = excluded.updated_at
            WHERE o.facts_hash IS DISTINCT FROM excluded.facts_hash OR NOT o.active OR o.found_by <> 'FEED'
            """;

    /** The indexes of outreach_person as V12 makes them. */
    private static final String DROP_PERSON_INDEXES = """
            ALTER TABLE outreach_person DROP CONSTRAINT outreach_person_pkey;
            DROP INDEX outreach_person_household_idx;
            DROP INDEX outreach_person_labels_idx
            """;

    private static final String CREATE_PERSON_INDEXES = """
            ALTER TABLE outreach_person ADD CONSTRAINT outreach_person_pkey PRIMARY KEY (person);
            CREATE INDEX outreach_person_household_idx ON outreach_person (household);
            CREATE INDEX outreach_person_labels_idx ON outreach_person USING gin (labels)
            """;

    private static final String DEACTIVATE = """
            UPDATE outreach_household o SET active = false, updated_at = ?
            WHERE o.found_by = 'FEED' AND o.active
              AND NOT EXISTS (SELECT 1 FROM outreach_household_stage h WHERE h.key = o.key)
            """;

    /** One part of the persons or households: those whose key hashes to {@code part} of {@code parts}. */
    private static final String PART_OF = "(hashtext(%s) & 2147483647) %% ? = ?";

    /** Serialises rebuilds across instances: the stages are filled outside the rebuild's transaction. */
    private static final long REBUILD_LOCK = 0x6f75747265616368L; // "outreach"

    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+-[0-9A-F]+-[0-9]+");

    private final JdbcTemplate jdbc;
    private final int parts;
    /** A transaction of its own beside the rebuild's (suspending it on the rebuild's thread). */
    private final TransactionTemplate ownTransaction;
    /** As {@link #ownTransaction}, repeatable read: it reads the rebuild's exported snapshot throughout. */
    private final TransactionTemplate snapshotTransaction;

    /**
     * @param parts connections that fill the work tables side by side, each with its share of the persons and
     *     households (PostgreSQL runs no {@code INSERT ... SELECT} in parallel itself)
     */
    public RegisterRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("the register is staged on at least one connection: " + parts);
        }
        this.jdbc = jdbc;
        this.parts = parts;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshotTransaction = new TransactionTemplate(transactions);
        snapshotTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshotTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Waits for any rebuild on another instance to end; held until the calling transaction ends. Callers check again
     * afterwards whether the register still needs rebuilding.
     */
    void lockRebuild() {
        lockRebuild(jdbc);
    }

    /** As {@link #lockRebuild()}, for the other writers of the register's work tables (a re-key). */
    static void lockRebuild(JdbcTemplate jdbc) {
        jdbc.queryForList("SELECT 1 FROM pg_advisory_xact_lock(?)", Integer.class, REBUILD_LOCK);
    }

    /** What the register was last built from (a hash of snapshots, labels and day), or empty. */
    Optional<String> state(String name) {
        return jdbc.queryForList("SELECT value FROM outreach_state WHERE name = ?", String.class, name).stream()
                .findFirst();
    }

    void setState(String name, String value) {
        jdbc.update(
                "INSERT INTO outreach_state (name, value) VALUES (?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                name,
                value);
    }

    /** The snapshots in use: feed, date and content hash of each feed's latest. */
    List<String> latestSnapshots() {
        return jdbc.queryForList("""
                SELECT s.feed || '@' || s.snapshot_date || ':' || s.content_hash FROM outreach_snapshot s
                WHERE s.snapshot_date = (SELECT max(l.snapshot_date) FROM outreach_snapshot l WHERE l.feed = s.feed)
                ORDER BY s.feed
                """, String.class);
    }

    /** Rebuilds persons and households, timing each step; returns [persons, households written]. */
    int[] rebuild(
            LocalDate day, Instant now, SqlPredicate personLabels, SqlPredicate householdLabels, StepTimes steps) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside one, a failure would leave the persons without their indexes, or half a register in use.
            throw new IllegalStateException("the register is rebuilt in one transaction");
        }
        // Memory for this transaction only: the joins over every person hash in memory instead of sorting on disk.
        jdbc.execute("SET LOCAL work_mem = '256MB'");
        jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
        stage(Date.valueOf(day), personLabels, householdLabels, steps);
        jdbc.execute("ANALYZE outreach_household_stage");
        jdbc.execute("TRUNCATE outreach_person");
        // Every person is written again: building the indexes once afterwards costs a fraction of keeping them up
        // row by row. The table is locked by the TRUNCATE until commit anyway, and a failure rolls the drop back.
        jdbc.execute(DROP_PERSON_INDEXES);
        int persons = steps.time(
                "register.persons",
                () -> jdbc.update(
                        PERSONS.formatted(personLabels.sql()),
                        personLabels.params().toArray()));
        steps.time("register.person-indexes", () -> jdbc.execute(CREATE_PERSON_INDEXES));
        steps.time("register.analyze-persons", () -> jdbc.execute("ANALYZE outreach_person"));
        int households = steps.time("register.households", () -> jdbc.update(HOUSEHOLDS, Timestamp.from(now)));
        steps.time("register.deactivate", () -> jdbc.update(DEACTIVATE, Timestamp.from(now)));
        jdbc.execute("TRUNCATE outreach_person_stage, outreach_household_stage");
        return new int[] {persons, households};
    }
    /**
     * Fills the work tables on {@code parts} connections of their own, side by side, each with its share: the persons'
     * facts (shared by person, every part reading the facts as this transaction sees them, through an exported
     * snapshot), then the households (shared by household, once every person is staged). The work tables are
     * scratch: the next rebuild empties them first, so a failure leaves nothing in use.
     */
    private void stage(Date day, SqlPredicate personLabels, SqlPredicate householdLabels, StepTimes steps) {
        String snapshot = jdbc.queryForObject("SELECT pg_export_snapshot()", String.class);
        if (snapshot == null || !SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalStateException("unexpected snapshot id from the server: " + snapshot);
        }
        // Fresh statistics, committed so that the staging connections plan with them: a feed loaded a minute ago has
        // none yet, and the joins need them.
        steps.time(
                "register.analyze",
                () -> ownTransaction.executeWithoutResult(status -> {
                    jdbc.execute("ANALYZE outreach_fact, outreach_snapshot, outreach_household");
                    jdbc.execute("TRUNCATE outreach_person_stage, outreach_household_stage");
                }));
        String persons = STAGE_PERSONS.formatted(PART_OF.formatted("person"), PART_OF.formatted("p.person"));
        steps.time(
                "register.stage-persons",
                () -> inParts(snapshotTransaction, part -> {
                    jdbc.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                    jdbc.update(persons, day, day, parts, part, parts, part, day, parts, part);
                }));
        ownTransaction.executeWithoutResult(status -> jdbc.execute("ANALYZE outreach_person_stage"));
        String households = STAGE_HOUSEHOLDS.formatted(
                PART_OF.formatted("household"),
                personLabels.sql(),
                householdLabels.sql(),
                PART_OF.formatted("p.household"));
        steps.time(
                "register.stage-households",
                () -> inParts(ownTransaction, part -> {
                    List<Object> params = new ArrayList<>(List.of(parts, part));
                    params.addAll(personLabels.params());
                    params.addAll(List.of(parts, part));
                    params.addAll(householdLabels.params());
                    jdbc.update(households, params.toArray());
                }));
    }

    /**
     * Runs {@code work} for each part at once, each on a thread, and so a connection and a transaction, of its own,
     * with the rebuild's memory for that transaction only (a plain SET would stay on the pooled connection).
     */
    private void inParts(TransactionTemplate transaction, IntConsumer work) {
        SideBySide.run(
                parts,
                "register-stage",
                part -> transaction.executeWithoutResult(status -> {
                    jdbc.execute("SET LOCAL work_mem = '256MB'");
                    work.accept(part);
                }));
    }
}
