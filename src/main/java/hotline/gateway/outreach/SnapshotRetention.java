package hotline.gateway.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes feed snapshots older than the retention (hotline.outreach.snapshot-retention); each feed's latest stays. */
public class SnapshotRetention {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

    private final FeedRepository feeds;
    private final Duration retention;
    private final Clock clock;

    public SnapshotRetention(FeedRepository feeds, Duration retention, Clock clock) {
        this.feeds = feeds;
        this.retention = retention;
        this.clock = clock;
    }

    public int sweep() {
        LocalDate oldest = LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        int deleted = feeds.deleteSnapshotsBefore(oldest);
        if (deleted > 0) {
            log.info("Deleted {} facts of feed snapshots before {}", deleted, oldest);
        }
        return deleted;
    }
}
