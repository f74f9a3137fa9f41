CREATE FUNCTION next_code() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT 2::bigint';
CREATE FUNCTION positive(n integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT n > 0';
CREATE TABLE items (id int PRIMARY KEY, code integer DEFAULT next_code(), qty integer CONSTRAINT qty_positive CHECK (positive(qty)));
