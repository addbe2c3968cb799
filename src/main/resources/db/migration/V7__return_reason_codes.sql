-- Why an office returned a ticket (退单), from a fixed list, beside its own words (return_reason): reports count
-- returns by code, never by the free text. Returns recorded before the codes existed become OTHER. The office
-- event's code is also kept in its ticket_event's data ("reasonCode"); ticket_event is append-only, so earlier
-- RETURN events are left as they were written.
ALTER TABLE ticket_assignment ADD COLUMN return_reason_code text
    CHECK (return_reason_code IN ('NOT_OUR_JURISDICTION', 'WRONG_ADDRESS', 'DUPLICATE', 'OTHER_DEPARTMENT',
                                  'NOT_A_GOVERNMENT_MATTER', 'OTHER'));

UPDATE ticket_assignment SET return_reason_code = 'OTHER' WHERE end_cause = 'RETURNED';

-- Every return has its code.
ALTER TABLE ticket_assignment ADD CONSTRAINT ticket_assignment_returned_has_code
    CHECK (end_cause IS DISTINCT FROM 'RETURNED' OR return_reason_code IS NOT NULL);
