CREATE DOMAIN code AS text CHECK (VALUE <> '');
CREATE TABLE things (id int PRIMARY KEY, code code NOT NULL DEFAULT 'none');
CREATE VIEW thing_codes AS SELECT id, code FROM things;
