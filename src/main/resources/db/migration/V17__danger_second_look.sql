-- The semantic stage's second look at tickets whose text it did not read at intake (the dictionary was sure of their
-- need, or every embedding permit was taken): when an instance took it. NULL: not yet. Tickets from before this
-- column stay NULL and are never looked at (the look covers a recent window only).
ALTER TABLE ticket ADD COLUMN danger_looked_at timestamptz;

-- The look's queue: normal-priority tickets not yet looked at, oldest first within the window.
CREATE INDEX ticket_danger_look_pending ON ticket (created_at)
    WHERE danger_looked_at IS NULL AND priority = 'NORMAL';
