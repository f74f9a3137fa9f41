CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$SELECT 'hello ' || name$$;
CREATE FUNCTION obsolete() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION scale(x numeric) RETURNS numeric LANGUAGE sql AS 'SELECT x * 2';
CREATE PROCEDURE cleanup() LANGUAGE sql AS 'SELECT 1';
