CREATE TABLE regions (code text PRIMARY KEY);
CREATE TABLE events (id bigint NOT NULL, year int NOT NULL, month int NOT NULL, payload text,
    PRIMARY KEY (id, year, month)) PARTITION BY RANGE (year, month);
CREATE TABLE events_2026_h1 PARTITION OF events FOR VALUES FROM (2026, 1) TO (2026, 7);
CREATE TABLE events_2026_h2 PARTITION OF events (CONSTRAINT h2_month CHECK (month >= 7)) FOR VALUES FROM (2026, 7) TO (2027, 1);
CREATE INDEX events_payload ON events (payload);
CREATE TABLE orders (id bigint NOT NULL, region text NOT NULL REFERENCES regions (code), total numeric)
    PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr') PARTITION BY HASH (id);
CREATE TABLE orders_eu_0 PARTITION OF orders_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE orders_eu_1 PARTITION OF orders_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE orders_other PARTITION OF orders DEFAULT;
CREATE TABLE sessions (id bigint NOT NULL, user_id bigint NOT NULL) PARTITION BY HASH (user_id);
