CREATE TABLE t (a varchar(10), b int, c varchar(30), d numeric(5,2)); INSERT INTO t VALUES ('x', 1, 'y', 1.5);
