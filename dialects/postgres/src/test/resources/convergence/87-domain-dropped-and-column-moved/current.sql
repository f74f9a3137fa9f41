CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN unused AS int;
CREATE TABLE users (id int PRIMARY KEY, contact email);
