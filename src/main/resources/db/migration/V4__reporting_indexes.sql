-- Reports read the assignments of the requests received in a period, by the request's time copied onto them.
CREATE INDEX ticket_assignment_received_at_idx ON ticket_assignment (received_at);

-- The overdue list: open assignments ordered by the earliest deadline they missed (or the breach, if the deadline was
-- moved after it). The expression is OverdueRepository.MISSED_AT, letter for letter, so that the list is read in
-- order from the index and costs what is overdue, not what is open.
CREATE INDEX ticket_assignment_missed_at_idx ON ticket_assignment ((
    least(CASE WHEN sign_met_at IS NULL THEN least(sign_due_at, sign_breached_at) END,
          CASE WHEN contact_met_at IS NULL THEN least(contact_due_at, contact_breached_at) END,
          CASE WHEN resolve_met_at IS NULL THEN least(resolve_due_at, resolve_breached_at) END,
          CASE WHEN reassign_met_at IS NULL THEN least(reassign_due_at, reassign_breached_at) END)))
    WHERE ended_at IS NULL;
