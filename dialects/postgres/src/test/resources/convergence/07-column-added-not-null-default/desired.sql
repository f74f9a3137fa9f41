CREATE TABLE t (id int PRIMARY KEY, active boolean NOT NULL DEFAULT true, created timestamptz NOT NULL DEFAULT now());
