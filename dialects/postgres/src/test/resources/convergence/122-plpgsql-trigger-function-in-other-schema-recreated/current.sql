CREATE SCHEMA audit;
CREATE TABLE docs (id int PRIMARY KEY, body text);
CREATE FUNCTION audit.log_change_v1() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER docs_audit AFTER INSERT OR UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION audit.log_change_v1();
