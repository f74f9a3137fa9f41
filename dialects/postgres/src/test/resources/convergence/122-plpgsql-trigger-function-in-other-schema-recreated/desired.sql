CREATE SCHEMA audit;
CREATE TABLE docs (id int PRIMARY KEY, body text);
CREATE TABLE audit.changes (doc_id int NOT NULL, changed_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION audit.log_change() RETURNS trigger LANGUAGE plpgsql
    SET search_path = audit
    AS $$ BEGIN INSERT INTO changes (doc_id) VALUES (NEW.id); RETURN NEW; END $$;
CREATE TRIGGER docs_audit AFTER INSERT OR UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION audit.log_change();
