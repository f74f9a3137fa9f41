CREATE TABLE catalog.categories (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id  integer REFERENCES catalog.categories (id) ON DELETE SET NULL,
    name       text NOT NULL,
    slug       varchar(80) NOT NULL UNIQUE
);

CREATE TABLE catalog.products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id  integer NOT NULL REFERENCES catalog.categories (id),
    sku          varchar(32) NOT NULL,
    name         text NOT NULL,
    description  text,
    price        numeric(10,2) NOT NULL CHECK (price >= 0),
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT products_sku_key UNIQUE (sku)
);
COMMENT ON TABLE catalog.products IS 'Everything the shop sells';
CREATE INDEX products_category_idx ON catalog.products (category_id) WHERE active;
CREATE INDEX products_name_lower_idx ON catalog.products (lower(name));

CREATE TABLE catalog.stock (
    product_id  bigint PRIMARY KEY REFERENCES catalog.products (id) ON DELETE CASCADE,
    on_hand     integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
