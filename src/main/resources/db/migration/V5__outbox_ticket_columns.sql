-- Each outbox row names its ticket and the ticket version it speaks of, so that nothing parses duplicate ids:
-- the relay reads them for message properties and the DISPATCHED update, re-dispatch finds a version's message.
ALTER TABLE outbox ADD COLUMN ticket_no text;
ALTER TABLE outbox ADD COLUMN ticket_version integer;

UPDATE outbox o
SET ticket_no = t.ticket_no,
    ticket_version = CASE
        WHEN o.message_type = 'TICKET_DISPATCH' THEN split_part(o.dedup_id, ':', 2)::integer
        WHEN o.message_type = 'TICKET_UPDATE' AND o.payload::jsonb ? 'ticketVersion'
            THEN (o.payload::jsonb ->> 'ticketVersion')::integer
        ELSE t.version
    END
FROM ticket t
WHERE t.id = o.ticket_id;

ALTER TABLE outbox ALTER COLUMN ticket_no SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN ticket_version SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN message_type DROP DEFAULT;

-- Re-dispatch reads a ticket's first dispatch message.
CREATE INDEX outbox_ticket_idx ON outbox (ticket_id, ticket_version) WHERE message_type = 'TICKET_DISPATCH';
