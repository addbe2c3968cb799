-- The household work table carries the labels and the facts hash, worked out while staging (on several connections)
-- rather than in the rebuild's one transaction.
ALTER TABLE outreach_household_stage ADD COLUMN labels text[] COLLATE "C";
ALTER TABLE outreach_household_stage ADD COLUMN facts_hash text;
