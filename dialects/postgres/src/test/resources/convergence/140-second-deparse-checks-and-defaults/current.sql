CREATE TABLE orders (id int PRIMARY KEY, status varchar(10) NOT NULL);
