CREATE SCHEMA app;
CREATE TABLE app.t (id int, email text);
CREATE VIEW app.v AS SELECT id, email FROM app.t;
COMMENT ON COLUMN app.v.email IS 'from the customer';
CREATE VIEW app."New View" AS SELECT id AS "Key" FROM app.t;
COMMENT ON COLUMN app."New View"."Key" IS 'the key';
COMMENT ON VIEW app."New View" IS 'a new view';
