CREATE TABLE a (id INT PRIMARY KEY, x INT, KEY ix_x (x)); CREATE TABLE b (id INT PRIMARY KEY, x INT, KEY ix_x (x, id));
