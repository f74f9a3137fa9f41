CREATE TABLE orders (id int PRIMARY KEY, amount integer NOT NULL);
CREATE FUNCTION total_amount() RETURNS bigint LANGUAGE sql STABLE
    RETURN (SELECT sum(amount) FROM orders);
CREATE VIEW totals AS SELECT total_amount() AS total;
