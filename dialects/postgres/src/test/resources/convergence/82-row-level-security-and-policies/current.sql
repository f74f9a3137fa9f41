CREATE TABLE notes (id int PRIMARY KEY, owner_name text NOT NULL, body text, shared boolean NOT NULL DEFAULT false);
