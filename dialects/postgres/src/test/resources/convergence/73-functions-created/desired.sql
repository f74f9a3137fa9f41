CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL);

CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION add(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT a || b$$;
COMMENT ON FUNCTION add(integer, integer) IS 'adds two integers';

-- PL/pgSQL: its body is not checked against the catalog when it is created
CREATE FUNCTION next_code() RETURNS int LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RETURN (SELECT coalesce(max(code), 0) + 1 FROM ledger_entries);
END
$$;

CREATE FUNCTION positive(v int) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS 'SELECT v > 0';

CREATE TABLE ledger_entries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code int NOT NULL DEFAULT next_code() CHECK (positive(code)), balance numeric);

-- SQL: its body is checked, so it comes after the table it reads
CREATE FUNCTION total_balance() RETURNS numeric LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT coalesce(sum(balance), 0) FROM ledger_entries $$;

CREATE PROCEDURE reset_balances(to_value numeric DEFAULT 0) LANGUAGE plpgsql AS $$
BEGIN
    UPDATE accounts SET balance = to_value;
END
$$;
COMMENT ON PROCEDURE reset_balances IS 'sets every balance';
