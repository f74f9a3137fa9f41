CREATE TABLE sales.orders (
    id                   bigserial PRIMARY KEY,
    customer_id          bigint NOT NULL REFERENCES sales.customers (id),
    shipping_address_id  bigint REFERENCES sales.addresses (id),
    status               sales.order_status NOT NULL DEFAULT 'pending',
    placed_at            timestamptz NOT NULL DEFAULT now(),
    note                 text
);
CREATE INDEX orders_customer_placed_idx ON sales.orders (customer_id, placed_at DESC);

CREATE TABLE sales.order_lines (
    order_id    bigint NOT NULL REFERENCES sales.orders (id) ON DELETE CASCADE,
    line_no     integer NOT NULL,
    product_id  bigint NOT NULL REFERENCES catalog.products (id),
    quantity    integer NOT NULL CHECK (quantity > 0),
    unit_price  numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE sales.payments (
    id        bigserial PRIMARY KEY,
    order_id  bigint NOT NULL REFERENCES sales.orders (id),
    method    sales.payment_method NOT NULL,
    amount    numeric(10,2) NOT NULL,
    paid_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_order_idx ON sales.payments (order_id) INCLUDE (amount);
