CREATE TABLE t (id int, last text);
