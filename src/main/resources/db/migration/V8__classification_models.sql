-- Versions of the semantic stage's need model: every gateway instance loads the active one, so all classify alike.
CREATE TABLE classification_model (
    version       text PRIMARY KEY,           -- first 12 hex digits of a SHA-256 over the model ids and examples
    model         bytea       NOT NULL,       -- NeedModel.toBytes(): vectors and example ids, never their texts
    examples      integer     NOT NULL,
    evaluation    jsonb       NOT NULL,       -- recall per need on the validation part, and the gate's verdict
    created_at    timestamptz NOT NULL,
    activated_at  timestamptz,
    active        boolean     NOT NULL DEFAULT false
);
-- At most one active version.
CREATE UNIQUE INDEX classification_model_active_idx ON classification_model (active) WHERE active;

-- Desk corrections of a ticket's need: labelled examples for the next model version, kept for one purpose
-- (improving classification) and a limited time. The text is the ticket's, with names, phone and ID numbers masked.
CREATE TABLE classification_correction (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id     bigint      NOT NULL REFERENCES ticket (id),
    need          text        NOT NULL,
    text          text        NOT NULL,
    corrected_by  text        NOT NULL,
    corrected_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX classification_correction_expiry_idx ON classification_correction (expires_at);
