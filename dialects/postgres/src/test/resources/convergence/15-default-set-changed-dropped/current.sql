CREATE TABLE t (a int, b int DEFAULT 1, c text DEFAULT 'x');
