CREATE SCHEMA shop;
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE shop.customer (
    id serial PRIMARY KEY,
    email varchar(100) NOT NULL,
    phone text,
    legacy_code text
);
CREATE TABLE shop.product (id serial PRIMARY KEY, name text NOT NULL, price int NOT NULL);
CREATE TABLE shop.orders (
    id serial PRIMARY KEY,
    customer_id int NOT NULL REFERENCES shop.customer (id),
    status shop.status NOT NULL DEFAULT 'new'
);
CREATE TABLE shop.audit (id int, note text);
CREATE INDEX customer_email ON shop.customer (email);
CREATE VIEW shop.order_count AS SELECT customer_id, count(*) AS n FROM shop.orders GROUP BY customer_id;
