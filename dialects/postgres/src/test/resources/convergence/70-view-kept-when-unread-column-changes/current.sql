CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL, note varchar(20));
CREATE VIEW order_ids AS SELECT id FROM orders;
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
