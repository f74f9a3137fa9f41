CREATE TABLE notes (id int PRIMARY KEY, scope varchar(10) NOT NULL, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_shared ON notes USING (scope IN ('team', 'public')) WITH CHECK (scope IN ('team'));
CREATE FUNCTION notes_touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER notes_scoped BEFORE INSERT OR UPDATE ON notes FOR EACH ROW
    WHEN (NEW.scope IN ('team', 'public')) EXECUTE FUNCTION notes_touch();
ALTER TABLE notes DISABLE TRIGGER notes_scoped;
COMMENT ON TRIGGER notes_scoped ON notes IS 'scoped notes only';
