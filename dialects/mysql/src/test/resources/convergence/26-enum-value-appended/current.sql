CREATE TABLE t (id INT PRIMARY KEY, status ENUM('new','paid') NOT NULL DEFAULT 'new');
