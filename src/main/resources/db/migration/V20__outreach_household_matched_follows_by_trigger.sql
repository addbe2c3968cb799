-- The matched marks follow their household by triggers on outreach_household instead of a foreign key: a first
-- matching run marks every household of the register, and the key's check on each of those inserts cost more than
-- the inserts themselves (at 400,000 households, 9.3 s with the key against 2.6 s without). Marks are only written
-- from the households themselves, so what the key still did was follow a household's new key (a re-key) and its
-- removal; these triggers do that.
ALTER TABLE outreach_household_matched DROP CONSTRAINT outreach_household_matched_key_fkey;

CREATE FUNCTION outreach_household_matched_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM outreach_household_matched WHERE key = OLD.key;
        RETURN OLD;
    END IF;
    UPDATE outreach_household_matched SET key = NEW.key WHERE key = OLD.key;
    RETURN NEW;
END
$$;

CREATE TRIGGER outreach_household_matched_follow_key
    AFTER UPDATE OF key ON outreach_household
    FOR EACH ROW WHEN (OLD.key IS DISTINCT FROM NEW.key)
    EXECUTE FUNCTION outreach_household_matched_follow();

CREATE TRIGGER outreach_household_matched_follow_removal
    AFTER DELETE ON outreach_household
    FOR EACH ROW EXECUTE FUNCTION outreach_household_matched_follow();
