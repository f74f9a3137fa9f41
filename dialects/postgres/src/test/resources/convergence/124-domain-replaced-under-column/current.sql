CREATE DOMAIN code AS varchar(10) CHECK (VALUE <> '');
CREATE TABLE things (id int PRIMARY KEY, code code NOT NULL DEFAULT 'none');
INSERT INTO things VALUES (1, 'abc');
CREATE VIEW thing_codes AS SELECT id, code FROM things;
