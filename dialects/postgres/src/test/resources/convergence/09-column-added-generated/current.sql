CREATE TABLE t (price numeric, qty int); INSERT INTO t VALUES (2.5, 4);
