CREATE SCHEMA app;
CREATE FUNCTION app.add_int(state integer, value integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT state + value';
CREATE FUNCTION app.old_step(state bigint, value integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT state + 1';
CREATE AGGREGATE app.total(integer) (SFUNC = app.add_int, STYPE = integer, INITCOND = '0');
CREATE AGGREGATE app.legacy_count(integer) (SFUNC = app.old_step, STYPE = bigint, INITCOND = '0');
COMMENT ON AGGREGATE app.total(integer) IS 'sum of values';
CREATE TABLE app.items (id int PRIMARY KEY, qty int NOT NULL);
CREATE VIEW app.item_total AS SELECT app.total(qty) AS total FROM app.items;
