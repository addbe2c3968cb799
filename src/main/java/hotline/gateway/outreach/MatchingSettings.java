package hotline.gateway.outreach;

import hotline.gateway.criteria.Program;
import java.time.Duration;
import java.util.Set;

/**
 * @param programs      the programs matching looks for
 * @param dailyCap      visit tickets an office receives a day at most (highest risk first); negative: no cap
 * @param visitedWithin a household visited within this period gets no new ticket
 */
public record MatchingSettings(Set<Program> programs, int dailyCap, Duration visitedWithin) {}
