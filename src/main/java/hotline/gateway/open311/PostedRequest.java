package hotline.gateway.open311;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to POST requests (GeoReport v2): the service_request_id at once (the ticket number), what happens next,
 * and the account id the client sent.
 *
 * @param created false when the request is a retry of one accepted before (same client_request_id, same fields)
 */
@JsonPropertyOrder({"service_request_id", "service_notice", "account_id"})
public record PostedRequest(
        @JsonProperty("service_request_id") String serviceRequestId,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("account_id") String accountId,
        @JsonIgnore boolean created) {}
