package hotline.gateway.open311;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.intake.ServiceRequest;

/**
 * A POST requests as intake takes it: the service request (source OPEN311), the need its service_code chose, and the
 * fingerprint of what was sent (without the api_key), which tells a retry from another request under the same
 * client_request_id.
 */
record Submission(ServiceRequest request, NeedCode need, byte[] hash) {}
