-- Reports read the requests received in a period, then their tickets (ticket.request_id is unique, so indexed) and
-- assignments (by ticket_id, seq): the period needs an index of its own, with the id so that the requests of a
-- period are read from the index alone.
CREATE INDEX service_request_received_at_idx ON service_request (received_at) INCLUDE (id);

-- The overdue list: open assignments ordered by the earliest deadline they missed (or the breach, if the deadline was
-- moved after it). The expression is OverdueRepository.MISSED_AT, letter for letter, so that the list is read in
-- order from the index and costs what is overdue, not what is open.
CREATE INDEX ticket_assignment_missed_at_idx ON ticket_assignment ((
    least(CASE WHEN sign_met_at IS NULL THEN least(sign_due_at, sign_breached_at) END,
          CASE WHEN contact_met_at IS NULL THEN least(contact_due_at, contact_breached_at) END,
          CASE WHEN resolve_met_at IS NULL THEN least(resolve_due_at, resolve_breached_at) END,
          CASE WHEN reassign_met_at IS NULL THEN least(reassign_due_at, reassign_breached_at) END)))
    WHERE ended_at IS NULL;
