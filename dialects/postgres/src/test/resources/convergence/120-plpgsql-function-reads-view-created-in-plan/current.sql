CREATE TABLE orders (id int PRIMARY KEY, amount integer NOT NULL);
INSERT INTO orders VALUES (1, 10), (2, 20);
CREATE TABLE reports (id int PRIMARY KEY);
INSERT INTO reports VALUES (1);
