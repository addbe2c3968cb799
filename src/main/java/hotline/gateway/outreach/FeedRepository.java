package hotline.gateway.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces a feed's facts for a snapshot date in one transaction: the old rows deleted, the new ones streamed in
 * with COPY (set-based: no round trip per row), the snapshot recorded. A failure rolls all of it back, so a crash
 * never leaves half a snapshot in use.
 */
@Repository
public class FeedRepository {

    private static final String COPY = "COPY outreach_fact (" + String.join(", ", FactColumns.ALL) + ") FROM STDIN";
    private static final String UPSERT_SNAPSHOT = """
            INSERT INTO outreach_snapshot (feed, snapshot_date, file_name, content_hash, rows_loaded, rows_rejected,
                                           loaded_by, loaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, snapshot_date) DO UPDATE SET
                file_name = excluded.file_name, content_hash = excluded.content_hash,
                rows_loaded = excluded.rows_loaded, rows_rejected = excluded.rows_rejected,
                loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at
            """;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    public FeedRepository(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /** True when this exact file (by content hash) is the snapshot loaded for this feed and date. */
    boolean alreadyLoaded(Feed feed, LocalDate date, String contentHash) {
        List<String> hashes = jdbc.queryForList(
                "SELECT content_hash FROM outreach_snapshot WHERE feed = ? AND snapshot_date = ?",
                String.class,
                feed.id(),
                date);
        return hashes.contains(contentHash);
    }

    /** Where the rows of a load go, in COPY text. */
    interface Sink {
        void write(String copyLine);
    }

    /** What the rows wrote: the counts recorded with the snapshot. */
    record Written(int loaded, int rejected) {}

    interface Rows {
        Written writeTo(Sink sink);
    }

    record Snapshot(Feed feed, LocalDate date, String fileName, String contentHash, String loadedBy, Instant at) {}

    Written replace(Snapshot snapshot, Rows rows) {
        return transaction.execute(status -> {
            jdbc.update(
                    "DELETE FROM outreach_fact WHERE feed = ? AND snapshot_date = ?",
                    snapshot.feed().id(),
                    snapshot.date());
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Written written;
            try {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
                BufferedCopy buffer = new BufferedCopy(copy);
                try {
                    written = rows.writeTo(buffer::write);
                    buffer.flush();
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot copy the " + snapshot.feed().id() + " feed's rows", e);
            }
            jdbc.update(
                    UPSERT_SNAPSHOT,
                    snapshot.feed().id(),
                    snapshot.date(),
                    snapshot.fileName(),
                    snapshot.contentHash(),
                    written.loaded(),
                    written.rejected(),
                    snapshot.loadedBy(),
                    Timestamp.from(snapshot.at()));
            return written;
        });
    }

    /** Deletes snapshots older than the date, except each feed's latest; returns how many fact rows went. */
    public int deleteSnapshotsBefore(LocalDate oldest) {
        int facts = jdbc.update("""
                DELETE FROM outreach_fact f
                WHERE f.snapshot_date < ?
                  AND f.snapshot_date < (SELECT max(s.snapshot_date) FROM outreach_snapshot s WHERE s.feed = f.feed)
                """, oldest);
        jdbc.update("""
                DELETE FROM outreach_snapshot s
                WHERE s.snapshot_date < ?
                  AND s.snapshot_date < (SELECT max(l.snapshot_date) FROM outreach_snapshot l WHERE l.feed = s.feed)
                """, oldest);
        return facts;
    }

    /** Collects COPY text into 256 KiB chunks: one write to the server per chunk. */
    private static final class BufferedCopy {

        private static final int CHUNK = 1 << 18;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

        BufferedCopy(CopyIn copy) {
            this.copy = copy;
        }

        void write(String line) {
            buffer.append(line);
            if (buffer.length() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("COPY failed", e));
            }
            buffer.setLength(0);
        }
    }
}
