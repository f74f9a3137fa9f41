CREATE TABLE t (id int, sku text); CREATE INDEX t_sku ON t (sku);
