package hotline.gateway.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** GET services/{code} (GeoReport v2): the attributes a client may send with a request of this service. */
@JsonPropertyOrder({"service_code", "attributes"})
public record ServiceDefinition(
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("attributes") List<ServiceAttribute> attributes) {

    public ServiceDefinition {
        attributes = List.copyOf(attributes);
    }
}
