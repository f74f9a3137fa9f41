CREATE TABLE t (a text COLLATE "C", b text); INSERT INTO t VALUES ('x','y');
