package hotline.gateway.criteria;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Keeps every criteria version a gateway has started with, so that the version a ticket names can be looked up. */
@Repository
public class CriteriaVersionRepository {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO criteria_version (version, loaded_at, document) VALUES (?, ?, ?::jsonb)
            ON CONFLICT (version) DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CriteriaVersionRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this version is new; several instances starting with the same files store it once. */
    public boolean recordIfAbsent(Criteria criteria) {
        return jdbc.update(
                        INSERT_IF_ABSENT,
                        criteria.version(),
                        Timestamp.from(clock.instant()),
                        criteria.document().toString())
                == 1;
    }
}
