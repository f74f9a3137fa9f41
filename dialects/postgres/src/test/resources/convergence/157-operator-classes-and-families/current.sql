CREATE SCHEMA app;
CREATE FUNCTION app.abs_cmp(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
    AS 'SELECT CASE WHEN abs($1) < abs($2) THEN -1 WHEN abs($1) > abs($2) THEN 1 ELSE 0 END';
CREATE OPERATOR FAMILY app.old_family USING hash;
CREATE OPERATOR CLASS app.plain_ops FOR TYPE integer USING btree AS
    OPERATOR 1 <, OPERATOR 3 =, OPERATOR 5 >, FUNCTION 1 btint4cmp(integer, integer);
CREATE TABLE app.readings (id int PRIMARY KEY, delta int);
