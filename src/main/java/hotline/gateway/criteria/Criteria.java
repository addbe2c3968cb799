package hotline.gateway.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.classification.NeedCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The programs of the criteria files, built once at start: which programs serve a need is a map look-up, and a
 * parameter's value on a day a floor look-up.
 *
 * @see CriteriaFiles
 */
public final class Criteria {

    private final String version;
    private final JsonNode document;
    private final Map<Program, ProgramCriteria> programs = new EnumMap<>(Program.class);
    private final Map<NeedCode, Set<Program>> programsByNeed = new EnumMap<>(NeedCode.class);

    /**
     * @param version  a short hash of the files' content: names the criteria that decided an assessment
     * @param document the files as read, stored with the version
     */
    public Criteria(String version, JsonNode document, Collection<ProgramCriteria> programs) {
        this.version = version;
        this.document = document;
        for (ProgramCriteria program : programs) {
            this.programs.put(program.program(), program);
            for (NeedCode need : program.needs()) {
                programsByNeed
                        .computeIfAbsent(need, n -> EnumSet.noneOf(Program.class))
                        .add(program.program());
            }
        }
    }

    public String version() {
        return version;
    }

    public JsonNode document() {
        return document;
    }

    public List<ProgramCriteria> programs() {
        return List.copyOf(programs.values());
    }

    ProgramCriteria program(Program program) {
        return programs.get(program);
    }

    /** The programs that serve any of these needs, in the order of {@link Program}. */
    List<ProgramCriteria> serving(Collection<NeedCode> needs) {
        Set<Program> serving = EnumSet.noneOf(Program.class);
        for (NeedCode need : needs) {
            serving.addAll(programsByNeed.getOrDefault(need, Set.of()));
        }
        List<ProgramCriteria> result = new ArrayList<>(serving.size());
        serving.forEach(program -> result.add(programs.get(program)));
        return result;
    }

    /** Every program with the parameter values in force on this day (a parameter with none in force is absent). */
    public CriteriaInForce inForce(LocalDate date) {
        List<CriteriaInForce.ProgramInForce> inForce = new ArrayList<>();
        for (ProgramCriteria program : programs.values()) {
            Map<String, ParameterValue> values = new LinkedHashMap<>();
            program.parameters().forEach((name, parameter) -> {
                ParameterValue value = parameter.on(date);
                if (value != null) {
                    values.put(name, value);
                }
            });
            inForce.add(new CriteriaInForce.ProgramInForce(
                    program.program(), program.name(), List.copyOf(program.needs()), values));
        }
        return new CriteriaInForce(date, version, inForce);
    }
}
