-- Pseudonyms, household keys, label codes and area codes are identifiers, not words: they compare byte by byte. Under
-- the database's default collation every sort, B-tree insert and index build on them called the C library's strcoll
-- (and PostgreSQL disables abbreviated sort keys for libc collations other than C), which was most of the cost of
-- rebuilding the register. For ASCII and UTF-8 text the C collation orders as C.UTF-8 does, so no result changes on a
-- server created with that locale; addresses and names keep the database's collation for people to read.
ALTER TABLE outreach_fact
    ALTER COLUMN person TYPE text COLLATE "C",
    ALTER COLUMN household TYPE text COLLATE "C";

ALTER TABLE outreach_person
    ALTER COLUMN person TYPE text COLLATE "C",
    ALTER COLUMN household TYPE text COLLATE "C",
    ALTER COLUMN community_code TYPE text COLLATE "C",
    ALTER COLUMN town_code TYPE text COLLATE "C",
    ALTER COLUMN district_code TYPE text COLLATE "C",
    ALTER COLUMN labels TYPE text[] COLLATE "C";

ALTER TABLE outreach_person_stage
    ALTER COLUMN person TYPE text COLLATE "C",
    ALTER COLUMN household TYPE text COLLATE "C",
    ALTER COLUMN community_code TYPE text COLLATE "C",
    ALTER COLUMN town_code TYPE text COLLATE "C",
    ALTER COLUMN district_code TYPE text COLLATE "C",
    ALTER COLUMN address TYPE text COLLATE "C";

ALTER TABLE outreach_household_stage
    ALTER COLUMN key TYPE text COLLATE "C",
    ALTER COLUMN community_code TYPE text COLLATE "C",
    ALTER COLUMN town_code TYPE text COLLATE "C",
    ALTER COLUMN district_code TYPE text COLLATE "C",
    ALTER COLUMN address TYPE text COLLATE "C";

ALTER TABLE outreach_household_matched DROP CONSTRAINT outreach_household_matched_key_fkey;

ALTER TABLE outreach_household
    ALTER COLUMN key TYPE text COLLATE "C",
    ALTER COLUMN merged_into TYPE text COLLATE "C",
    ALTER COLUMN community_code TYPE text COLLATE "C",
    ALTER COLUMN town_code TYPE text COLLATE "C",
    ALTER COLUMN district_code TYPE text COLLATE "C",
    ALTER COLUMN labels TYPE text[] COLLATE "C";

ALTER TABLE outreach_household_matched ALTER COLUMN key TYPE text COLLATE "C";
ALTER TABLE outreach_household_matched ADD CONSTRAINT outreach_household_matched_key_fkey
    FOREIGN KEY (key) REFERENCES outreach_household (key) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE outreach_finding
    ALTER COLUMN household TYPE text COLLATE "C",
    ALTER COLUMN town_code TYPE text COLLATE "C",
    ALTER COLUMN labels TYPE text[] COLLATE "C";

ALTER TABLE outreach_access_log ALTER COLUMN household TYPE text COLLATE "C";

ALTER TABLE outreach_rekey_household
    ALTER COLUMN old_key TYPE text COLLATE "C",
    ALTER COLUMN new_key TYPE text COLLATE "C";
