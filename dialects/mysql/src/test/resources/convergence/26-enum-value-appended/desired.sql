CREATE TABLE t (id INT PRIMARY KEY, status ENUM('new','paid','shipped') NOT NULL DEFAULT 'new');
