CREATE SCHEMA app;
CREATE FUNCTION app.int_plus(integer, integer) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'int4pl';
CREATE OPERATOR app.## (FUNCTION = app.int_plus, LEFTARG = integer, RIGHTARG = integer);
CREATE TABLE app.orders (id int PRIMARY KEY, city text, zip text, country text);
CREATE STATISTICS app.orders_place (dependencies) ON city, zip FROM app.orders;
CREATE STATISTICS app.orders_old (ndistinct) ON zip, country FROM app.orders;
