-- Machine clients and people with API keys: the hotline system, community centres, Open311 clients, department
-- feeds, managers and operators. A client's role decides what it may do over HTTP; its scope narrows it (a centre's
-- centreId, a district manager's district code; null: none, or city-wide for a manager).
CREATE TABLE api_client (
    id          text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'),
    role        text        NOT NULL CHECK (role IN ('HOTLINE', 'CENTRE', 'OPEN311', 'DEPARTMENT', 'MANAGER',
                                                     'OPERATOR')),
    scope       text,
    description text,
    created_at  timestamptz NOT NULL,
    CHECK (role <> 'CENTRE' OR scope IS NOT NULL),
    CHECK (role NOT IN ('HOTLINE', 'OPERATOR') OR scope IS NULL)
);

-- A client's keys, stored only as the SHA-256 of the key (keys are 256 random bits: a fast hash is right, and the
-- look-up is by hash). At most two are valid at once (rotation: make a new one, then revoke the old); the gateway
-- keeps that rule under a lock on the client's row. Revoked keys stay, for the record.
CREATE TABLE api_key (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id  text        NOT NULL REFERENCES api_client (id),
    key_hash   bytea       NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);

CREATE INDEX api_key_client_idx ON api_key (client_id) WHERE revoked_at IS NULL;

-- The code a caller gives, with the ticket number, to follow their own case without credentials: random, read to
-- the caller by the operator (or given to the resident by the centre). Tickets made before it have none.
ALTER TABLE ticket ADD COLUMN tracking_code text;
