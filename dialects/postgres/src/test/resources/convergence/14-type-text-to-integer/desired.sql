CREATE TABLE t (n integer, d date);
