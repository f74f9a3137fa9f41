CREATE SCHEMA app;
CREATE TYPE app.e AS ENUM ('a');
CREATE SEQUENCE app.s;
CREATE TABLE app.t (id int CONSTRAINT t_pk PRIMARY KEY, v int CONSTRAINT v_chk CHECK (v > 0), p int);
ALTER TABLE app.t ADD CONSTRAINT t_self_fk FOREIGN KEY (p) REFERENCES app.t (id);
CREATE INDEX t_v ON app.t (v);
CREATE VIEW app.w AS SELECT id FROM app.t;
COMMENT ON TABLE app.t IS 'old'; COMMENT ON COLUMN app.t.v IS 'old'; COMMENT ON VIEW app.w IS 'old'; COMMENT ON INDEX app.t_v IS 'old';
