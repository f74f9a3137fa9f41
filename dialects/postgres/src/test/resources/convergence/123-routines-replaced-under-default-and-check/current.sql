CREATE FUNCTION next_code() RETURNS integer LANGUAGE sql VOLATILE AS 'SELECT 1';
CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0';
CREATE TABLE items (id int PRIMARY KEY, code integer DEFAULT next_code(), qty integer CONSTRAINT qty_positive CHECK (positive(qty)));
INSERT INTO items VALUES (1, 1, 5);
