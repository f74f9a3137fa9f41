CREATE TABLE t (a int, b int, c int, CONSTRAINT t_b_key UNIQUE (b), CONSTRAINT t_c_key UNIQUE (c));
