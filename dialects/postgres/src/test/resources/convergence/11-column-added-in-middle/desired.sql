CREATE TABLE t (id int, middle text, last text);
