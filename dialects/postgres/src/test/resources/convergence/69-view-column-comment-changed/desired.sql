CREATE SCHEMA app;
CREATE TABLE app.t (id int, email text, total int);
CREATE VIEW app.v AS SELECT id, email FROM app.t;
COMMENT ON COLUMN app.v.email IS 'it''s the new email';
CREATE VIEW app.r AS SELECT id, total FROM app.t WHERE total > 0;
COMMENT ON COLUMN app.r.total IS 'the total';
