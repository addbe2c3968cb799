package hotline.gateway.jurisdiction;

import java.util.List;

/** A town-level unit (街道, 镇, 乡 or special zone) by its 9-digit national statistical code. */
public record Town(String code, String name, District district, List<String> shortNames, List<String> englishNames) {}
