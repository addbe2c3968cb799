package hotline.gateway.criteria;

import hotline.gateway.classification.NeedCode;
import java.util.Map;
import java.util.Set;

/**
 * One program as its criteria file describes it: its name for people, the needs it serves and its parameters.
 *
 * @param file the file that defines it, for messages
 */
public record ProgramCriteria(
        Program program, String name, Set<NeedCode> needs, Map<String, Parameter> parameters, String file) {}
