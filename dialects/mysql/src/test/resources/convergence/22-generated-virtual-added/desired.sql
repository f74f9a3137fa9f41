CREATE TABLE t (id INT PRIMARY KEY, price INT, qty INT, total INT AS (price * qty) VIRTUAL);
