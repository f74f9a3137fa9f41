CREATE TABLE t (id INT PRIMARY KEY, flags SET('a','b','c') DEFAULT 'a,b');
