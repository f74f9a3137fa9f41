CREATE SCHEMA shop;
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE shop.customer (
    id serial PRIMARY KEY,
    email text NOT NULL,
    phone text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customer_email_key UNIQUE (email)
);
COMMENT ON TABLE shop.customer IS 'people who buy';
CREATE TABLE shop.product (id serial PRIMARY KEY, name text NOT NULL, price bigint NOT NULL CHECK (price >= 0), sku text);
CREATE UNIQUE INDEX product_sku ON shop.product (sku) WHERE sku IS NOT NULL;
CREATE TABLE shop.orders (
    id serial PRIMARY KEY,
    customer_id int NOT NULL REFERENCES shop.customer (id) ON DELETE CASCADE,
    status shop.status NOT NULL DEFAULT 'new',
    placed_at timestamptz
);
CREATE TABLE shop.order_line (
    order_id int NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
    product_id int NOT NULL REFERENCES shop.product (id),
    qty int NOT NULL DEFAULT 1 CHECK (qty > 0),
    PRIMARY KEY (order_id, product_id)
);
CREATE VIEW shop.order_count AS SELECT customer_id, count(*) AS n, max(placed_at) AS last FROM shop.orders GROUP BY customer_id;
