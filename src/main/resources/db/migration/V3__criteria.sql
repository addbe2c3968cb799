-- Assistance criteria as loaded at start, one row per version (a short hash of the files' content). Every stored
-- assessment names the version that decided it, so an old ticket can be explained after the criteria changed.
CREATE TABLE criteria_version (
    version   text        PRIMARY KEY,
    loaded_at timestamptz NOT NULL,   -- when a gateway first started with it
    document  jsonb       NOT NULL    -- the criteria files as read, by file name
);

-- The programs the household may qualify for and why; absent when no program serves the request's needs.
ALTER TABLE ticket ADD COLUMN assessment jsonb;
