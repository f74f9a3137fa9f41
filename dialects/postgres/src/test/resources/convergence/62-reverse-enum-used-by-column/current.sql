CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TYPE colour AS ENUM ('red', 'blue'); CREATE TABLE t (m mood, ms mood[], c colour DEFAULT 'red', cs colour[]);
