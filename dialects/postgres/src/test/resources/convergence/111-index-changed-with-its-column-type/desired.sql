CREATE TABLE t (id int PRIMARY KEY, code text, n bigint);
CREATE INDEX t_code ON t (code, n);
CREATE INDEX t_n ON t (n DESC);
