CREATE SCHEMA ref; CREATE TABLE ref.country (code char(2) PRIMARY KEY); CREATE TABLE address (id int PRIMARY KEY, country char(2));
