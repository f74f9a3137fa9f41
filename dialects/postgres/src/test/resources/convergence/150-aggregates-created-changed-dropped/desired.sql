CREATE SCHEMA app;
CREATE FUNCTION app.add_int(state integer, value integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT state + value';
CREATE FUNCTION app.sub_int(state integer, value integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT state - value';
CREATE AGGREGATE app.total(integer) (SFUNC = app.add_int, STYPE = integer, INITCOND = '100');
COMMENT ON AGGREGATE app.total(integer) IS 'sum of values, from 100';
CREATE AGGREGATE app.running(integer) (SFUNC = app.add_int, STYPE = integer, INITCOND = '0',
    MSFUNC = app.add_int, MINVFUNC = app.sub_int, MSTYPE = integer, MINITCOND = '0', PARALLEL = SAFE);
CREATE AGGREGATE app.pick(double precision ORDER BY double precision) (SFUNC = ordered_set_transition,
    STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
CREATE TABLE app.items (id int PRIMARY KEY, qty int NOT NULL);
CREATE VIEW app.item_total AS SELECT app.total(qty) AS total FROM app.items;
CREATE VIEW app.item_running AS SELECT id, app.running(qty) OVER (ORDER BY id) AS running FROM app.items;
