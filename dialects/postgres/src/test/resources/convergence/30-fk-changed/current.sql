CREATE TABLE parent (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE child (id int PRIMARY KEY, parent_id int CONSTRAINT c1 REFERENCES parent (id), code text CONSTRAINT c2 REFERENCES parent (code));
