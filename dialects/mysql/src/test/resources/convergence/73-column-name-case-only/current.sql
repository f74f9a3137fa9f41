CREATE TABLE users (id INT PRIMARY KEY, Name VARCHAR(100), EMail VARCHAR(200));
INSERT INTO users VALUES (1, 'Ada', 'ada@example.com');
