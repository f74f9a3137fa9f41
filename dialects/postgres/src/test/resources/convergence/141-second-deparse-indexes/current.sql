CREATE TABLE tickets (id int PRIMARY KEY, state varchar(10) NOT NULL, owner text);
