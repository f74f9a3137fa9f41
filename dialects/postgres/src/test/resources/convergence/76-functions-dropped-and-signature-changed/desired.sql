CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$SELECT 'hello ' || name$$;
CREATE FUNCTION greet(name text, punctuation text) RETURNS text LANGUAGE sql AS $$SELECT 'hello ' || name || punctuation$$;
CREATE FUNCTION scale(value numeric) RETURNS numeric LANGUAGE sql AS 'SELECT value * 2';
