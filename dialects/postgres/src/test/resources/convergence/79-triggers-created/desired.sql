CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL, updated_at timestamptz);
CREATE TABLE audit_log (at timestamptz NOT NULL DEFAULT now(), what text NOT NULL);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (what) VALUES (TG_OP || ' on ' || TG_TABLE_NAME);
    RETURN NULL;
END
$$;
CREATE TRIGGER accounts_touch BEFORE UPDATE OF balance ON accounts
    FOR EACH ROW WHEN (OLD.balance IS DISTINCT FROM NEW.balance) EXECUTE FUNCTION touch();
CREATE TRIGGER accounts_audit AFTER INSERT OR DELETE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION audit();
CREATE TRIGGER accounts_audit_disabled AFTER UPDATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION audit();
ALTER TABLE accounts DISABLE TRIGGER accounts_audit_disabled;
COMMENT ON TRIGGER accounts_touch ON accounts IS 'keeps updated_at current';
