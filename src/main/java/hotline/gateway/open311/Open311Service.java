package hotline.gateway.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One service type of GET services (GeoReport v2): a need of the gateway's taxonomy, named in Chinese and English.
 *
 * @param metadata whether the service has attributes to fill in (GET services/{code})
 * @param type     always realtime: a POST answers with the service_request_id at once
 */
@JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
public record Open311Service(
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("description") String description,
        @JsonProperty("metadata") boolean metadata,
        @JsonProperty("type") String type,
        @JsonProperty("keywords") String keywords,
        @JsonProperty("group") String group) {}
