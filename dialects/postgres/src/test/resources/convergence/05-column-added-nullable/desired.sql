CREATE TABLE t (id int PRIMARY KEY, note text);
