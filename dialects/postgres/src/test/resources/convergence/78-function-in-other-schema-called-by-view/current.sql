CREATE TABLE readings (id int PRIMARY KEY, celsius numeric NOT NULL);
