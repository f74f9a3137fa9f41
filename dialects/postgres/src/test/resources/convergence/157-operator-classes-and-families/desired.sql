CREATE SCHEMA app;
CREATE FUNCTION app.abs_cmp(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
    AS 'SELECT CASE WHEN abs($1) < abs($2) THEN -1 WHEN abs($1) > abs($2) THEN 1 ELSE 0 END';
CREATE OPERATOR FAMILY app.int_hash USING hash;
ALTER OPERATOR FAMILY app.int_hash USING hash ADD OPERATOR 1 = (integer, integer), FUNCTION 1 hashint4(integer);
COMMENT ON OPERATOR FAMILY app.int_hash USING hash IS 'integers by hash';
CREATE OPERATOR CLASS app.plain_ops FOR TYPE integer USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 btint4cmp(integer, integer);
CREATE OPERATOR CLASS app.desc_ops FOR TYPE integer USING btree AS
    OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <, FUNCTION 1 app.abs_cmp(integer, integer);
CREATE TABLE app.readings (id int PRIMARY KEY, delta int);
CREATE INDEX readings_delta ON app.readings (delta app.plain_ops);
