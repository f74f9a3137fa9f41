CREATE TABLE users (name varchar(20));
INSERT INTO users VALUES ('a'), ('b');
