CREATE TABLE t (a varchar(50), b bigint, c text, d numeric(12,4)); INSERT INTO t VALUES ('x', 1, 'y', 1.5);
