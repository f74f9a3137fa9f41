CREATE TABLE p (id int PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX p_code ON p (code);
CREATE TABLE c (id int PRIMARY KEY, p_code text CONSTRAINT c_p_code_fk REFERENCES p (code));
