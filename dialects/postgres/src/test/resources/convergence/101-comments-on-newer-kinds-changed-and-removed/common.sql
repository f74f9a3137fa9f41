CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA app;
CREATE COLLATION app.bytes (provider = libc, lc_collate = 'C', lc_ctype = 'C');
CREATE DOMAIN app.positive AS int CHECK (VALUE > 0);
CREATE TYPE app.pair AS (a int, b int);
CREATE TABLE app.t (id int PRIMARY KEY, qty app.positive, during tsrange,
                    CONSTRAINT t_no_overlap EXCLUDE USING gist (during WITH &&));
CREATE VIEW app.v AS SELECT id, qty FROM app.t;
CREATE MATERIALIZED VIEW app.mv AS SELECT count(*) AS n FROM app.t;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE app.noop() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_all ON app.t USING (id > 0);
