CREATE TABLE t (name text); INSERT INTO t VALUES ('a'),('b');
