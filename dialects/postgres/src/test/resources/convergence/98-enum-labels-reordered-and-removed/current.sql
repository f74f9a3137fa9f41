CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'open', 'archived', 'closed');
CREATE TYPE app.size AS ENUM ('s', 'l');
CREATE TABLE app.orders (
    id int PRIMARY KEY,
    status app.status NOT NULL DEFAULT 'new',
    history app.status[],
    size app.size
);
CREATE INDEX orders_status ON app.orders (status);
CREATE TABLE app.order_events (id int PRIMARY KEY, order_id int REFERENCES app.orders, status app.status);
INSERT INTO app.orders VALUES (1, 'new', '{new,open}', 's'), (2, 'closed', NULL, 'l');
INSERT INTO app.order_events VALUES (1, 1, 'open');
CREATE VIEW app.open_orders AS SELECT id FROM app.orders WHERE status = 'open';
COMMENT ON TYPE app.status IS 'order status';
GRANT USAGE ON TYPE app.status TO {{reader}};
