CREATE DOMAIN qty AS integer DEFAULT 1 NOT NULL CONSTRAINT qty_min CHECK (VALUE >= 1) CONSTRAINT qty_max CHECK (VALUE <= 1000);
CREATE DOMAIN label AS varchar(20) CONSTRAINT label_not_blank CHECK (VALUE <> '');
CREATE TABLE stock (id int PRIMARY KEY, amount qty, name label);
