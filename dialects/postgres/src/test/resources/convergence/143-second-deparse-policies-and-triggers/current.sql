CREATE TABLE notes (id int PRIMARY KEY, scope varchar(10) NOT NULL, body text);
