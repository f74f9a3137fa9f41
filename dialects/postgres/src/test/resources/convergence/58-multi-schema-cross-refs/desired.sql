CREATE SCHEMA a; CREATE SCHEMA b;
CREATE TYPE a.kind AS ENUM ('x', 'y');
CREATE TABLE a.owner (id int PRIMARY KEY);
CREATE SEQUENCE a.ids;
CREATE TABLE b.thing (id int DEFAULT nextval('a.ids') PRIMARY KEY, owner_id int REFERENCES a.owner (id), k a.kind);
CREATE VIEW b.things AS SELECT t.id, o.id AS owner FROM b.thing t JOIN a.owner o ON o.id = t.owner_id;
