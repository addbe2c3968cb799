package hotline.gateway.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The Open311 service discovery document (discovery.{json,xml}): where the GeoReport v2 endpoint is, in which formats. */
@JsonPropertyOrder({"changeset", "contact", "key_service", "endpoints"})
public record Discovery(
        @JsonProperty("changeset") String changeset,
        @JsonProperty("contact") String contact,
        @JsonProperty("key_service") String keyService,
        @JsonProperty("endpoints") List<Endpoint> endpoints) {

    public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    @JsonPropertyOrder({"specification", "url", "changeset", "type", "formats"})
    public record Endpoint(
            @JsonProperty("specification") String specification,
            @JsonProperty("url") String url,
            @JsonProperty("changeset") String changeset,
            @JsonProperty("type") String type,
            @JsonProperty("formats") List<String> formats) {}

    /** One production endpoint answering in XML and JSON. */
    public static Discovery of(String url, String changeset, String contact, String keyService) {
        return new Discovery(
                changeset,
                contact,
                keyService,
                List.of(new Endpoint(
                        SPECIFICATION, url, changeset, "production", List.of("text/xml", "application/json"))));
    }
}
