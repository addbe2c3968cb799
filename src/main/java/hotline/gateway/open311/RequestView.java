package hotline.gateway.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One service request as GET requests and GET requests/{id} show it (GeoReport v2), the public view: the state, the
 * office and its deadline, where; never who sent it. Date-times in w3 format with the city's offset.
 *
 * @param serviceRequestId the ticket number
 * @param status           open, or closed once the office resolved it
 * @param statusNotes      the state in words (Chinese / English), made by the gateway: never an office's free text
 * @param description      the request's text only for a service whose reports are public (phone and ID numbers
 *                         masked); null for every other service
 * @param agencyResponsible the office holding the ticket
 * @param expectedDatetime the holding office's resolution deadline (its SLA target)
 */
@JsonPropertyOrder({
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url"
})
public record RequestView(
        @JsonProperty("service_request_id") String serviceRequestId,
        @JsonProperty("status") String status,
        @JsonProperty("status_notes") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("description") String description,
        @JsonProperty("agency_responsible") String agencyResponsible,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("requested_datetime") String requestedDatetime,
        @JsonProperty("updated_datetime") String updatedDatetime,
        @JsonProperty("expected_datetime") String expectedDatetime,
        @JsonProperty("address") String address,
        @JsonProperty("address_id") String addressId,
        @JsonProperty("zipcode") String zipcode,
        @JsonProperty("lat") Double lat,
        @JsonProperty("long") Double lon,
        @JsonProperty("media_url") String mediaUrl) {}
