CREATE TABLE t (a varchar(10), b int, c varchar(5));
