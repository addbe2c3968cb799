-- Location hints a request arrived with that were malformed or matched nothing: left out of routing, answered to
-- the sender and kept here, [{"field": "location.townCode", "message": "..."}]; null when there were none.
ALTER TABLE service_request ADD COLUMN warnings jsonb;
