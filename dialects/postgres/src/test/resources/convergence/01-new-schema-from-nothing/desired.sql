CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'the shop';
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped');
CREATE SEQUENCE shop.invoice_no START 1000;
CREATE TABLE shop.customer (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name varchar(100)
);
CREATE TABLE shop.orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customer (id) ON DELETE CASCADE,
    status shop.status NOT NULL DEFAULT 'new',
    invoice bigint DEFAULT nextval('shop.invoice_no'),
    total numeric(12,2) CHECK (total >= 0)
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
CREATE VIEW shop.open_orders AS SELECT id, customer_id, total FROM shop.orders WHERE status <> 'shipped';
COMMENT ON TABLE shop.orders IS 'one row per order';
