CREATE TABLE accounts (id int NOT NULL, email text NOT NULL);
INSERT INTO accounts VALUES (1, 'a@example.org'), (2, 'b@example.org');
