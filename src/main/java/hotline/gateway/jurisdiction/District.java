package hotline.gateway.jurisdiction;

import java.util.List;

/** A district (区) by its 6-digit national statistical code. */
public record District(String code, String name, String shortName, List<String> englishNames) {}
