CREATE TABLE keep (id int PRIMARY KEY);
CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2));
