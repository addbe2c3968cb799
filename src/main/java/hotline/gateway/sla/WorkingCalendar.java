package hotline.gateway.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which days are working days: Monday to Friday, except public holidays, plus make-up workdays. Holidays and
 * make-up days are data for the years the calendar covers; for any other year only weekends count, which
 * {@link #covers(Year)} lets the application report.
 */
public final class WorkingCalendar {

    private final WorkingHours hours;
    private final Map<LocalDate, DayKind> exceptions;
    private final SortedSet<Year> coveredYears;

    public WorkingCalendar(WorkingHours hours, Map<LocalDate, DayKind> exceptions, Set<Year> coveredYears) {
        this.hours = hours;
        this.exceptions = Map.copyOf(exceptions);
        this.coveredYears = new TreeSet<>(coveredYears);
    }

    public WorkingHours hours() {
        return hours;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind exception = exceptions.get(date);
        if (exception != null) {
            return exception == DayKind.WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The day's working hours as instants, or empty on a day off. */
    public Optional<WorkingInterval> workingInterval(LocalDate date) {
        if (!isWorkingDay(date)) {
            return Optional.empty();
        }
        return Optional.of(new WorkingInterval(
                date.atTime(hours.start()).atZone(hours.zone()).toInstant(),
                date.atTime(hours.end()).atZone(hours.zone()).toInstant()));
    }

    /** The working intervals of the days from {@code first} to {@code last}, both included, in order. */
    public List<WorkingInterval> workingIntervals(LocalDate first, LocalDate last) {
        List<WorkingInterval> intervals = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            workingInterval(date).ifPresent(intervals::add);
        }
        return intervals;
    }

    /** Whether holiday data was given for this year; without it only weekends are days off. */
    public boolean covers(Year year) {
        return coveredYears.contains(year);
    }

    /** This year and the next, where they have no holiday data: what a city must add before it counts wrongly. */
    public List<Year> uncoveredYears(LocalDate today) {
        Year year = Year.from(today);
        return Stream.of(year, year.plusYears(1)).filter(y -> !covers(y)).toList();
    }

    public SortedSet<Year> coveredYears() {
        return Collections.unmodifiableSortedSet(coveredYears);
    }
}
