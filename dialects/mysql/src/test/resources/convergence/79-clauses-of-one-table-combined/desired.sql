-- Several changes of one table: one ALTER TABLE each, pinned to the costliest algorithm among them.
CREATE TABLE orders (
  id int NOT NULL,
  customer varchar(40) NOT NULL,
  placed_at datetime NOT NULL DEFAULT '2026-01-01 00:00:00',
  note varchar(30) DEFAULT 'none',
  total decimal(10,2),
  PRIMARY KEY (id),
  KEY ix_customer (customer, placed_at),
  KEY ix_total (total),
  CONSTRAINT positive_total CHECK (total > 0)
) COMMENT 'all orders';
CREATE TABLE items (id int NOT NULL PRIMARY KEY, sku varchar(20) NOT NULL DEFAULT '', KEY ix_sku (sku));
