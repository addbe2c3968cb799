-- Office workflow and SLA tracking.

-- The ticket's current assignment: its number in ticket_assignment and the district it belongs to (null for the
-- city desk); how often a dissatisfied callback reopened it.
ALTER TABLE ticket ADD COLUMN assignment_seq integer NOT NULL DEFAULT 1;
ALTER TABLE ticket ADD COLUMN assigned_district text;
ALTER TABLE ticket ADD COLUMN reopened integer NOT NULL DEFAULT 0;

-- Offices' events are idempotent on the sender's eventId (per ticket); the office that acted, and the
-- assignment the event belongs to, are kept for reports.
ALTER TABLE ticket_event ADD COLUMN event_id text;
ALTER TABLE ticket_event ADD COLUMN event_hash bytea;   -- SHA-256 of the event as sent: a retry, or a reused id
ALTER TABLE ticket_event ADD COLUMN office_code text;
ALTER TABLE ticket_event ADD COLUMN assignment_seq integer;
CREATE UNIQUE INDEX ticket_event_event_id_key ON ticket_event (ticket_id, event_id) WHERE event_id IS NOT NULL;

-- One row per office a ticket was assigned to (seq 1 at intake, one more per return, reassignment or reopening),
-- with that assignment's SLA targets. A target exists when its due_at is set: an office has SIGN, CONTACT and
-- RESOLVE (a reopened assignment RESOLVE only), a dispatch desk has REASSIGN. Per target: warn_at (the warning
-- share of the span), due_at, met_at, warned_at and breached_at, and working_minutes: the working time from
-- started_at to met_at, stored when the target is met so that reports need no calendar.
CREATE TABLE ticket_assignment (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id                 bigint      NOT NULL REFERENCES ticket (id),
    seq                       integer     NOT NULL,
    level                     text        NOT NULL CHECK (level IN ('TOWN', 'DISTRICT_DESK', 'CITY_DESK')),
    code                      text        NOT NULL,
    name                      text        NOT NULL,
    district_code             text,
    priority                  text        NOT NULL CHECK (priority IN ('URGENT', 'NORMAL')),
    primary_need              text        NOT NULL,
    cause                     text        NOT NULL CHECK (cause IN ('INTAKE', 'RETURN', 'REASSIGN', 'REOPEN')),
    -- When the hotline received the request (service_request.received_at, copied): reports read a period's
    -- assignments from one index instead of joining requests, tickets and assignments.
    received_at               timestamptz NOT NULL,
    started_at                timestamptz NOT NULL,
    ended_at                  timestamptz,
    end_cause                 text CHECK (end_cause IN ('RETURNED', 'REASSIGNED', 'REOPENED', 'CLOSED')),
    return_reason             text,
    sign_warn_at              timestamptz,
    sign_due_at               timestamptz,
    sign_met_at               timestamptz,
    sign_warned_at            timestamptz,
    sign_breached_at          timestamptz,
    sign_working_minutes      integer,
    contact_warn_at           timestamptz,
    contact_due_at            timestamptz,
    contact_met_at            timestamptz,
    contact_warned_at         timestamptz,
    contact_breached_at       timestamptz,
    contact_working_minutes   integer,
    resolve_warn_at           timestamptz,
    resolve_due_at            timestamptz,
    resolve_met_at            timestamptz,
    resolve_warned_at         timestamptz,
    resolve_breached_at       timestamptz,
    resolve_working_minutes   integer,
    reassign_warn_at          timestamptz,
    reassign_due_at           timestamptz,
    reassign_met_at           timestamptz,
    reassign_warned_at        timestamptz,
    reassign_breached_at      timestamptz,
    reassign_working_minutes  integer,
    -- Extensions (延期): the pending request's days, how many were approved or rejected, the days granted.
    extension_pending_days    integer,
    extensions_approved       integer     NOT NULL DEFAULT 0,
    extensions_rejected       integer     NOT NULL DEFAULT 0,
    extension_days            integer     NOT NULL DEFAULT 0,
    -- The hotline's callback (回访) on this assignment's resolution.
    callback_result           text CHECK (callback_result IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    callback_at               timestamptz,
    -- When the SLA sweep must look at this assignment again (the earliest pending warning or deadline); null when
    -- nothing is pending. The sweep reads only rows due now, through the partial index.
    next_check_at             timestamptz,
    CONSTRAINT ticket_assignment_ticket_seq_key UNIQUE (ticket_id, seq)
);

CREATE INDEX ticket_assignment_next_check_idx ON ticket_assignment (next_check_at) WHERE next_check_at IS NOT NULL;

-- Outbox rows for a multicast address (ticket-updates) name it as topic:<address>. A row that dispatches a CREATED
-- ticket announces it: the relay publishes the DISPATCHED update in the same broker transaction and marks the
-- ticket DISPATCHED, so the busiest change needs no outbox row of its own.
COMMENT ON COLUMN outbox.destination IS 'queue name, or topic:<address> for a multicast address';
ALTER TABLE outbox ADD COLUMN announces_dispatch boolean NOT NULL DEFAULT false;
-- What the message is, also sent as its messageType property: TICKET_DISPATCH, TICKET_UPDATE, SLA_WARNING, SLA_BREACH.
ALTER TABLE outbox ADD COLUMN message_type text NOT NULL DEFAULT 'TICKET_DISPATCH';

-- Tickets stored before this version: their district, and their first assignment (without SLA targets, which
-- need the working calendar; they are not swept).
UPDATE ticket SET assigned_district = CASE assigned_level
    WHEN 'TOWN' THEN left(assigned_code, 6)
    WHEN 'DISTRICT_DESK' THEN assigned_code
END;

INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, district_code, priority, primary_need, cause,
                               received_at, started_at)
SELECT t.id, 1, t.assigned_level, t.assigned_code, t.assigned_name, t.assigned_district, t.priority, t.primary_need,
       'INTAKE', r.received_at, t.created_at
FROM ticket t JOIN service_request r ON r.id = t.request_id;
