CREATE DOMAIN colour AS varchar(10) CHECK (VALUE IN ('red', 'green')) DEFAULT (CASE WHEN 'red'::varchar IN ('red', 'blue') THEN 'red' END);
CREATE TABLE orders (
    id int PRIMARY KEY,
    status varchar(10) NOT NULL CHECK (status IN ('new', 'paid', 'sent')),
    kind varchar(10) DEFAULT (CASE WHEN 'a'::varchar IN ('a', 'b') THEN 'x' ELSE 'y' END),
    shade colour
);
ALTER TABLE orders ADD CONSTRAINT orders_kind_check CHECK (kind IN ('x', 'y') OR kind IS NULL) NOT VALID;
CREATE TABLE events (id int NOT NULL, channel varchar(10) CHECK (channel IN ('web', 'mail'))) PARTITION BY RANGE (id);
CREATE TABLE events_1 PARTITION OF events (CONSTRAINT events_1_channel_check2 CHECK (channel IN ('web'))) FOR VALUES FROM (0) TO (100);
