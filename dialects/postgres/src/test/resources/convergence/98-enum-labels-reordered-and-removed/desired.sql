CREATE SCHEMA app;
-- converge:allow TABLE_REWRITE
CREATE TYPE app.status AS ENUM ('open', 'new', 'closed');
CREATE TYPE app.size AS ENUM ('s', 'm', 'l');
CREATE TABLE app.orders (
    id int PRIMARY KEY,
    status app.status NOT NULL DEFAULT 'open',
    history app.status[],
    size app.size
);
CREATE INDEX orders_status ON app.orders (status);
CREATE TABLE app.order_events (id int PRIMARY KEY, order_id int REFERENCES app.orders, status app.status);
CREATE VIEW app.open_orders AS SELECT id FROM app.orders WHERE status = 'open';
COMMENT ON TYPE app.status IS 'order status';
GRANT USAGE ON TYPE app.status TO {{reader}};
