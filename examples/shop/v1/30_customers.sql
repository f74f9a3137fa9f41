CREATE TABLE sales.customers (
    id          bigserial PRIMARY KEY,
    email       varchar(200) NOT NULL,
    full_name   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email_idx ON sales.customers (lower(email));

CREATE TABLE sales.addresses (
    id           bigserial PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES sales.customers (id) ON DELETE CASCADE,
    line1        text NOT NULL,
    city         text NOT NULL,
    postal_code  varchar(16) NOT NULL,
    country      char(2) NOT NULL
);
CREATE INDEX addresses_customer_idx ON sales.addresses (customer_id);
