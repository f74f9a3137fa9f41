CREATE TABLE orders (id int PRIMARY KEY, amount integer NOT NULL);
CREATE VIEW order_totals AS SELECT sum(amount) AS total FROM orders;
CREATE FUNCTION current_total() RETURNS bigint LANGUAGE plpgsql STABLE
    AS $$ BEGIN RETURN (SELECT total FROM order_totals); END $$;
CREATE TABLE reports (id int PRIMARY KEY, total bigint DEFAULT current_total());
