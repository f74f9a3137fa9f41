CREATE COLLATION c_bytes (provider = libc, lc_collate = 'C', lc_ctype = 'C');
CREATE TABLE products (id int PRIMARY KEY, name text, code text COLLATE c_bytes);
CREATE INDEX products_name ON products (name);
INSERT INTO products VALUES (1, 'Apple', 'A1'), (2, 'apple', 'a1');
