CREATE TABLE t (a int CONSTRAINT a_pos CHECK (a >= 0), b int, CONSTRAINT ab CHECK (a <> b));
