CREATE TABLE t (a varchar(50), b bigint, c text); INSERT INTO t VALUES ('short', 7, 'abc');
