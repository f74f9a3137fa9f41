CREATE TABLE orders (id bigint PRIMARY KEY, total bigint NOT NULL, note text);
CREATE VIEW order_ids AS SELECT id FROM orders;
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
