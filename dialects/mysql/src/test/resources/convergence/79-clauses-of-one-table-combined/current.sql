CREATE TABLE orders (
  id int NOT NULL,
  customer varchar(40) NOT NULL,
  note varchar(20),
  total decimal(10,2),
  PRIMARY KEY (id),
  KEY ix_customer (customer),
  CONSTRAINT positive_total CHECK (total >= 0)
) COMMENT 'orders';
CREATE TABLE items (id int NOT NULL PRIMARY KEY, sku varchar(20));
INSERT INTO orders VALUES (1, 'ann', 'n', 10.00), (2, 'bob', NULL, 20.00);
INSERT INTO items VALUES (1, 'a');
