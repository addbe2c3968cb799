package hotline.gateway.outreach;

import hotline.gateway.criteria.Program;
import java.time.Duration;
import java.util.Set;

/**
 * @param programs      the programs matching looks for
 * @param dailyCap      visit tickets an office receives a day at most (highest risk first); negative: no cap
 * @param visitedWithin a household visited within this period gets no new ticket
 * @param ticketConnections connections that write visit tickets side by side
 */
public record MatchingSettings(Set<Program> programs, int dailyCap, Duration visitedWithin, int ticketConnections) {

    public MatchingSettings {
        if (ticketConnections < 1) {
            throw new IllegalArgumentException(
                    "visit tickets are written on at least one connection: " + ticketConnections);
        }
    }
}
