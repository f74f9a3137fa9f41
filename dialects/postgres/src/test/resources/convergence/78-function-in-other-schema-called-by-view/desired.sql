CREATE SCHEMA conv;
CREATE TABLE readings (id int PRIMARY KEY, celsius numeric NOT NULL);
CREATE FUNCTION conv.c_to_f(c numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT c * 9 / 5 + 32';
CREATE FUNCTION conv.describe(c numeric) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$SELECT conv.c_to_f(c)::text || ' F'$$;
CREATE VIEW readings_f AS SELECT id, conv.describe(celsius) AS fahrenheit FROM readings;
