CREATE TABLE sales.orders (
    id                   bigserial PRIMARY KEY,
    customer_id          bigint NOT NULL REFERENCES sales.customers (id),
    shipping_address_id  bigint REFERENCES sales.addresses (id),
    status               sales.order_status NOT NULL DEFAULT 'pending',
    placed_at            timestamptz NOT NULL DEFAULT now(),
    note                 text,
    shipped_at           timestamptz
);
CREATE INDEX orders_customer_placed_idx ON sales.orders (customer_id, placed_at DESC);
CREATE INDEX orders_open_idx ON sales.orders (placed_at) WHERE status IN ('pending', 'paid', 'packed');

CREATE TABLE sales.order_lines (
    order_id    bigint NOT NULL REFERENCES sales.orders (id) ON DELETE CASCADE,
    line_no     integer NOT NULL,
    product_id  bigint NOT NULL REFERENCES catalog.products (id),
    quantity    integer NOT NULL CHECK (quantity > 0),
    unit_price  numeric(12,2) NOT NULL,
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

CREATE TABLE sales.refunds (
    id          bigserial PRIMARY KEY,
    payment_id  bigint NOT NULL REFERENCES sales.payments (id),
    amount      numeric(10,2) NOT NULL CHECK (amount > 0),
    reason      text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
