-- Which facts of a household the last matching run judged, in a narrow table of its own: a first run marks every
-- household of the register, and as a column of outreach_household (in the predicate of a partial index) that mark
-- rewrote every household row and all its indexes. A rerun still passes over households whose facts it has judged.
CREATE TABLE outreach_household_matched (
    key        text PRIMARY KEY REFERENCES outreach_household (key) ON UPDATE CASCADE ON DELETE CASCADE,
    facts_hash text NOT NULL
);

INSERT INTO outreach_household_matched (key, facts_hash)
SELECT key, matched_hash FROM outreach_household WHERE matched_hash IS NOT NULL;

DROP INDEX outreach_household_unmatched_idx;
ALTER TABLE outreach_household DROP COLUMN matched_hash;
