-- Outreach: department feeds, the register of persons and households, labels, findings and the access log.
-- Persons and households are keyed by pseudonyms: the hex HMAC-SHA-256 of the resident ID number (persons) or of the
-- population register's household number (households), with a secret that is never in the database. Households
-- found through calls and reports, without a resident ID, are keyed T:<ticket number>.

-- One row per loaded snapshot: a department's picture of its data as of a date. Loading the same feed and date again
-- replaces its facts (in one transaction); the content hash tells a repeated file, which changes nothing.
CREATE TABLE outreach_snapshot (
    feed          text        NOT NULL,
    snapshot_date date        NOT NULL,
    file_name     text        NOT NULL,
    content_hash  text        NOT NULL,
    rows_loaded   integer     NOT NULL,
    rows_rejected integer     NOT NULL,
    loaded_by     text        NOT NULL,
    loaded_at     timestamptz NOT NULL,
    PRIMARY KEY (feed, snapshot_date)
);

-- Facts per feed and snapshot date, with provenance (file and line). One wide table: each feed fills its own
-- columns (docs/outreach-feeds.md); the others stay null.
CREATE TABLE outreach_fact (
    feed                  text    NOT NULL,
    snapshot_date         date    NOT NULL,
    person                text    NOT NULL,   -- pseudonym of the resident ID number
    line_no               integer NOT NULL,   -- the row's line in its file, for provenance
    -- population
    household             text,               -- pseudonym of the household number
    birth_date            date,
    living_alone          boolean,
    community_code        text,
    town_code             text,
    address               text,
    name                  text,               -- personal data: only for the visit ticket's contact
    phone                 text,               -- personal data: only for the visit ticket's contact
    -- civil affairs
    program               text,
    since                 date,
    until                 date,
    assessed_income       numeric(12, 2),     -- the household's monthly income as means-tested
    -- health care
    chronic_illness       boolean,
    severe_illness        boolean,
    hospital_days         integer,
    medical_costs_monthly numeric(12, 2),     -- out-of-pocket medical costs per month over the period
    -- human resources and social security
    unemployed            boolean,
    pension               numeric(12, 2),
    benefits              numeric(12, 2),
    employment_assistance boolean,
    -- education
    student               boolean,
    fee_waiver            boolean,
    education_grant       boolean,
    education_costs_monthly numeric(12, 2),
    -- disabled persons' federation
    disability_grade      integer,
    disability_kind       text
);

CREATE INDEX outreach_fact_snapshot_idx ON outreach_fact (feed, snapshot_date);

-- The register: one row per person of the latest population snapshot, with the latest facts of every feed.
-- Rebuilt (set-based) when a snapshot changed; labels are computed with it.
CREATE TABLE outreach_person (
    person                text PRIMARY KEY,
    household             text    NOT NULL,
    age                   integer,
    living_alone          boolean,
    community_code        text,
    town_code             text,
    district_code         text,
    address               text,
    name                  text,
    phone                 text,
    programs              text[]  NOT NULL DEFAULT '{}',
    assessed_income       numeric(12, 2),
    chronic_illness       boolean,
    severe_illness        boolean,
    hospital_days         integer,
    medical_costs_monthly numeric(12, 2),
    unemployed            boolean,
    pension               numeric(12, 2),
    benefits              numeric(12, 2),
    employment_assistance boolean,
    student               boolean,
    fee_waiver            boolean,
    education_grant       boolean,
    education_costs_monthly numeric(12, 2),
    disability_grade      integer,
    labels                text[]  NOT NULL DEFAULT '{}'
);

CREATE INDEX outreach_person_household_idx ON outreach_person (household);
CREATE INDEX outreach_person_labels_idx ON outreach_person USING gin (labels);

-- Households: from the population feed (found_by FEED) or from calls and reports (HOTLINE, COMMUNITY). Kept across
-- rebuilds: a visit's outcome stays with the household.
CREATE TABLE outreach_household (
    key                   text PRIMARY KEY,
    found_by              text        NOT NULL CHECK (found_by IN ('FEED', 'HOTLINE', 'COMMUNITY', 'OPEN311')),
    active                boolean     NOT NULL DEFAULT true,
    ticket_no             text,       -- the ticket through which a household without resident ID was found
    community_code        text,
    town_code             text,
    district_code         text,
    address               text,
    size                  integer,
    minors                integer,
    elderly               integer,
    members               jsonb,      -- per member: age, disability grade, chronic illness, unemployed, student
    income                numeric(12, 2),
    income_source         text CHECK (income_source IN ('ASSESSED', 'LOWER_BOUND')),
    per_capita_income     numeric(12, 2),
    medical_costs_monthly numeric(12, 2),
    education_costs_monthly numeric(12, 2),
    receives              text[]      NOT NULL DEFAULT '{}',
    labels                text[]      NOT NULL DEFAULT '{}',
    facts_hash            text,
    matched_hash          text,       -- the facts_hash the last matching run assessed
    last_outcome          text,
    last_outcome_at       timestamptz,
    outcome_facts_hash    text,
    last_visit_at         timestamptz,
    updated_at            timestamptz NOT NULL
);

CREATE INDEX outreach_household_town_idx ON outreach_household (town_code);
CREATE INDEX outreach_household_labels_idx ON outreach_household USING gin (labels);
CREATE INDEX outreach_household_unmatched_idx ON outreach_household (key)
    WHERE active AND matched_hash IS DISTINCT FROM facts_hash;

-- What matching found: one row per household and facts (a rerun finds the same row). OPENED: its visit ticket is
-- made; DEFERRED: held back by the office's daily cap, opened by a later run, highest risk first.
CREATE TABLE outreach_finding (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id    text        NOT NULL UNIQUE,   -- the ticket's external id (source DATA_MATCH)
    household     text        NOT NULL,
    facts_hash    text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('DEFERRED', 'OPENED')),
    risk          integer     NOT NULL,
    town_code     text        NOT NULL,
    labels        text[]      NOT NULL,
    programs      jsonb       NOT NULL,   -- the programs found ELIGIBLE or LIKELY and not received, with reasons
    combinations  jsonb       NOT NULL,   -- the risk-label combinations met
    explanation   jsonb       NOT NULL,
    ticket_no     text,
    run_id        bigint      NOT NULL,
    found_at      timestamptz NOT NULL,
    opened_at     timestamptz,
    CONSTRAINT outreach_finding_household_facts_key UNIQUE (household, facts_hash)
);

CREATE INDEX outreach_finding_deferred_idx ON outreach_finding (town_code, risk DESC) WHERE status = 'DEFERRED';
CREATE INDEX outreach_finding_ticket_idx ON outreach_finding (ticket_no);

-- Matching runs: progress and results.
CREATE TABLE outreach_run (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dry_run       boolean     NOT NULL,
    trigger       text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    status        text        NOT NULL,
    figures       jsonb       NOT NULL DEFAULT '{}'
);

-- Every read of a person's facts by a user: who, when, which household, and the purpose the request stated.
CREATE TABLE outreach_access_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reader      text        NOT NULL,
    reader_kind text        NOT NULL,
    household   text        NOT NULL,
    purpose     text        NOT NULL,
    read_at     timestamptz NOT NULL
);

CREATE INDEX outreach_access_log_household_idx ON outreach_access_log (household, read_at);

CREATE FUNCTION reject_outreach_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'outreach_access_log is append-only';
END
$$;

CREATE TRIGGER outreach_access_log_append_only
    BEFORE UPDATE OR DELETE ON outreach_access_log
    FOR EACH ROW EXECUTE FUNCTION reject_outreach_access_log_change();

-- Small state: what the register was built from (a hash of the snapshots), the last ticket taken into the register
-- from calls and reports.
CREATE TABLE outreach_state (
    name  text PRIMARY KEY,
    value text NOT NULL
);
