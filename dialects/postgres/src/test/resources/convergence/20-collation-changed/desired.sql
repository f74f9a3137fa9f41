CREATE TABLE t (a text, b text COLLATE "C");
