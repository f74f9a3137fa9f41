CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE t (m mood, ms mood[]); INSERT INTO t VALUES ('sad', '{happy,sad}');
