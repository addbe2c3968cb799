package hotline.gateway.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** GET tokens/{token} (GeoReport v2): the service_request_id of the request a client sent under that token. */
@JsonPropertyOrder({"service_request_id", "token"})
public record TokenView(
        @JsonProperty("service_request_id") String serviceRequestId,
        @JsonProperty("token") String token) {}
