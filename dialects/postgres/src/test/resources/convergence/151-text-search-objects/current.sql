CREATE SCHEMA app;
CREATE TEXT SEARCH DICTIONARY app.stop_simple (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION app.docs (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION app.docs ALTER MAPPING FOR asciiword WITH app.stop_simple;
CREATE TEXT SEARCH CONFIGURATION app.legacy (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION app.legacy ADD MAPPING FOR word WITH simple;
CREATE TABLE app.notes (id int PRIMARY KEY, body text);
CREATE VIEW app.note_words AS SELECT id, to_tsvector('app.docs'::regconfig, body) AS words FROM app.notes;
