CREATE TABLE notes (id int PRIMARY KEY, owner_name text NOT NULL, body text, shared boolean NOT NULL DEFAULT false);
CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$SELECT current_user = 'postgres'$$;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY notes_read ON notes FOR SELECT USING (shared OR owner_name = current_user);
CREATE POLICY notes_write ON notes FOR INSERT TO postgres WITH CHECK (owner_name = current_user);
CREATE POLICY notes_admin ON notes AS RESTRICTIVE FOR ALL TO postgres, PUBLIC USING (is_admin() OR owner_name = current_user)
    WITH CHECK (true);
COMMENT ON POLICY notes_read ON notes IS 'own and shared notes';
