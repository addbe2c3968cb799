-- GET /open311/v2/requests reads the requests that came in over Open311 by the time they were received, newest
-- first: an index of those alone, so the query costs what it returns however many calls and reports there are.
CREATE INDEX service_request_open311_received_idx ON service_request (received_at DESC) WHERE source = 'OPEN311';
