CREATE TABLE parcels (id int PRIMARY KEY, state varchar(10) NOT NULL, weight int);
