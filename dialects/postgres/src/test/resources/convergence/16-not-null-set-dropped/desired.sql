CREATE TABLE t (a int NOT NULL, b int);
