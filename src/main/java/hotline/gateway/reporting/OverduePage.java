package hotline.gateway.reporting;

import java.time.Instant;
import java.util.List;

/** One page of the overdue list, oldest deadline first; total counts every overdue ticket of the filter. */
public record OverduePage(
        String district, int page, int size, long total, Instant generatedAt, List<OverdueTicket> items) {}
