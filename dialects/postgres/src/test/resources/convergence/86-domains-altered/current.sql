CREATE DOMAIN qty AS integer DEFAULT 0 CONSTRAINT qty_min CHECK (VALUE >= 0);
CREATE DOMAIN label AS varchar(20) NOT NULL;
CREATE TABLE stock (id int PRIMARY KEY, amount qty, name label);
INSERT INTO stock VALUES (1, 5, 'bolt');
