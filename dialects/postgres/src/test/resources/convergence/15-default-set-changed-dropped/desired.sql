CREATE TABLE t (a int DEFAULT 5, b int DEFAULT 2, c text);
