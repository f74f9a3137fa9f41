CREATE TABLE docs (id int PRIMARY KEY, body text, version int NOT NULL DEFAULT 1);
CREATE FUNCTION bump_v2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.version := OLD.version + 10; RETURN NEW; END $$;
CREATE TRIGGER docs_bump BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION bump_v2();
CREATE FUNCTION reject_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'documents are never deleted'; END $$;
CREATE TRIGGER docs_no_delete BEFORE DELETE ON docs FOR EACH ROW EXECUTE FUNCTION reject_delete();
CREATE TRIGGER docs_no_truncate BEFORE TRUNCATE OR UPDATE OF body ON docs FOR EACH STATEMENT EXECUTE FUNCTION reject_delete();
