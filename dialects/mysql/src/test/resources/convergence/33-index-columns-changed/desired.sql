CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, KEY ix (a, b));
