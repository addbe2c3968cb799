package hotline.gateway.criteria;

/** A parameter a rule reads: the program whose file defines it, its name there, and how reasons call it. */
public record ParameterRef(Program program, String name, String label) {

    /** As paths in messages name it: SUBSISTENCE_ALLOWANCE.income-standard */
    @Override
    public String toString() {
        return program + "." + name;
    }
}
