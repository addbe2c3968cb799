-- Re-keying the register when the pseudonym secret changes, and households found through calls merged into the
-- household a feed later names.

-- Each re-key: when, by whom, the fingerprints of the old and the new key (an HMAC of a fixed text, which tells a key
-- without revealing it), and its figures.
CREATE TABLE outreach_rekey (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rekeyed_by      text        NOT NULL,
    rekeyed_at      timestamptz NOT NULL,
    old_fingerprint text        NOT NULL,
    new_fingerprint text        NOT NULL,
    figures         jsonb       NOT NULL
);

-- The access log is append-only and keeps the pseudonym a household had when it was read: this maps the households
-- of the log across each re-key, so an audit follows a household from one key to the next.
CREATE TABLE outreach_rekey_household (
    rekey_id bigint NOT NULL REFERENCES outreach_rekey (id),
    old_key  text   NOT NULL,
    new_key  text   NOT NULL,
    PRIMARY KEY (rekey_id, old_key)
);

CREATE INDEX outreach_rekey_household_new_idx ON outreach_rekey_household (new_key);

-- A household of a call (keyed T:<ticket number>) that a feed later names: merged into the feed's household (then
-- inactive, so the well-being list holds the household once); the feed's household remembers how it was first found.
ALTER TABLE outreach_household ADD COLUMN merged_into text;
ALTER TABLE outreach_household ADD COLUMN merged_by text CHECK (merged_by IN ('RESIDENT_ID', 'ADDRESS'));
ALTER TABLE outreach_household ADD COLUMN call_found_by text CHECK (call_found_by IN ('HOTLINE', 'COMMUNITY', 'OPEN311'));

CREATE INDEX outreach_household_calls_idx ON outreach_household (key) WHERE found_by <> 'FEED' AND merged_into IS NULL;
