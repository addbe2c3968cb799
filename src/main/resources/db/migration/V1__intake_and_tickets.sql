-- Requests as received (hotline calls, community reports, ...), one row per (source, external id).
CREATE TABLE service_request (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text        NOT NULL CHECK (source IN ('HOTLINE', 'COMMUNITY', 'OPEN311', 'DATA_MATCH')),
    external_id  text        NOT NULL,
    -- SHA-256 of the normalised request: tells a retry (same body) from a conflicting reuse of the id.
    body_hash    bytea       NOT NULL,
    received_at  timestamptz NOT NULL,
    channel      text        NOT NULL,
    content      text        NOT NULL,
    findings     text,       -- more text on the need, e.g. a centre's visit findings
    subject      jsonb,      -- the person concerned: name, phone, resident ID number (personal data)
    location     jsonb,
    household    jsonb,
    details      jsonb,      -- per source: operator, centre, reporter, visit findings, the operator's urgent flag
    created_at   timestamptz NOT NULL,
    CONSTRAINT service_request_source_external_id_key UNIQUE (source, external_id)
);

-- Ticket numbers are handed out in blocks of 50 (see TicketNumbers): one round trip per block.
CREATE SEQUENCE ticket_number_block_seq;

CREATE TABLE ticket (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_no       text        NOT NULL UNIQUE,
    request_id      bigint      NOT NULL UNIQUE REFERENCES service_request (id),
    status          text        NOT NULL CHECK (status IN ('CREATED', 'DISPATCHED', 'SIGNED', 'IN_PROGRESS',
                                                           'RESOLVED', 'CLOSED', 'RETURNED')),
    extended        boolean     NOT NULL DEFAULT false,
    escalated       boolean     NOT NULL DEFAULT false,
    priority        text        NOT NULL CHECK (priority IN ('URGENT', 'NORMAL')),
    primary_need    text        NOT NULL,
    needs           jsonb       NOT NULL,   -- primary, all, confidence, evidence: as answered to the caller
    urgency         jsonb       NOT NULL,   -- why the priority is what it is
    assigned_level  text        NOT NULL CHECK (assigned_level IN ('TOWN', 'DISTRICT_DESK', 'CITY_DESK')),
    assigned_code   text        NOT NULL,
    assigned_name   text        NOT NULL,
    assigned_rule   text        NOT NULL,
    assigned_detail text,
    queue           text        NOT NULL,
    version         integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX ticket_assignment_idx ON ticket (assigned_code, status);

-- Every change of a ticket, append-only.
CREATE TABLE ticket_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id   bigint      NOT NULL REFERENCES ticket (id),
    type        text        NOT NULL,
    status      text        NOT NULL,   -- the ticket's status after the event
    actor       text        NOT NULL,
    reason      text,
    occurred_at timestamptz NOT NULL,
    data        jsonb
);

CREATE INDEX ticket_event_ticket_idx ON ticket_event (ticket_id, id);

CREATE FUNCTION reject_ticket_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ticket_event is append-only';
END
$$;

CREATE TRIGGER ticket_event_append_only
    BEFORE UPDATE OR DELETE ON ticket_event
    FOR EACH ROW EXECUTE FUNCTION reject_ticket_event_change();

-- Messages to publish, written in the same transaction as the ticket; the relay sends and marks them.
CREATE TABLE outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id   bigint      NOT NULL REFERENCES ticket (id),
    destination text        NOT NULL,
    dedup_id    text        NOT NULL UNIQUE,   -- Artemis _AMQ_DUPL_ID: ticket number and version
    priority    smallint    NOT NULL,          -- JMS priority
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);

-- The relay reads only what is pending: a partial index keeps that cheap however many rows were sent.
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE sent_at IS NULL;

-- Camel's JDBC idempotent repository: files of the inbox folder already taken.
CREATE TABLE camel_messageprocessed (
    processorname text      NOT NULL,
    messageid     text      NOT NULL,
    createdat     timestamp NOT NULL,
    PRIMARY KEY (processorname, messageid)
);
