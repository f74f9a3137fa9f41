CREATE COLLATION c_bytes (provider = libc, lc_collate = 'C', lc_ctype = 'C');
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE products (id int PRIMARY KEY, name text COLLATE nocase, code text);
CREATE INDEX products_name ON products (name);
