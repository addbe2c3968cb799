package hotline.gateway.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A parameter's values by start date: the value in force on a day is one floor look-up. */
public final class Parameter {

    private final String name;
    private final TreeMap<LocalDate, ParameterValue> values = new TreeMap<>();

    Parameter(String name, List<ParameterValue> values) {
        this.name = name;
        values.forEach(value -> this.values.put(value.from(), value));
    }

    public String name() {
        return name;
    }

    /** The value in force on this day, or null when none is (before the first start date, or after an end). */
    public ParameterValue on(LocalDate date) {
        Map.Entry<LocalDate, ParameterValue> entry = values.floorEntry(date);
        return entry == null || !entry.getValue().inForceOn(date) ? null : entry.getValue();
    }
}
