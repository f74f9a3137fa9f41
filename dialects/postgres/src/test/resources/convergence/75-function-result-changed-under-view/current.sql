CREATE TABLE orders (id int PRIMARY KEY, amount integer NOT NULL);
CREATE FUNCTION order_amount(order_id int) RETURNS integer LANGUAGE sql STABLE
    AS 'SELECT amount FROM orders WHERE id = order_id';
CREATE VIEW order_amounts AS SELECT id, order_amount(id) AS amount FROM orders;
